"""Read article files and folders into :class:`provenance.domain.SourceDocument`."""
