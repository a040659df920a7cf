"""Language data: every English word list the annotators and claim readers use."""
