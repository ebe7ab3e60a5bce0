"""Teaching sets (curated cases and recommendations with notes) and saved searches."""
