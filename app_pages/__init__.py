"""The dashboard's pages (one module each) and the state they share. Pages never parse text."""
