"""Languages: the translators, the bundled CJK font, the teaching messages, and the retranslation pass."""
