"""Curriculum: recurring topics, trends, recurring questions, gaps and coverage."""
