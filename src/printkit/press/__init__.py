"""Press: the only modules that know ReportLab and pikepdf: pieces → pages → finished PDF."""
