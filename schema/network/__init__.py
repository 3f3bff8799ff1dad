"""Network analytics: who collaborated with whom, on which S3 area."""
