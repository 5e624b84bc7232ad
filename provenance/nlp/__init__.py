"""Extraction stages: clean, segment, attribute, split claims, speakers, numbers, dates, topics."""
