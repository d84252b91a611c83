"""Read stage: the spaCy pipeline, loaded once per process."""
