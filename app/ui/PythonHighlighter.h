// Colours a pane's Python listing as an editor would: keywords, built-ins, strings,
// numbers and comments, so a class reads the code as code. Listings are short and
// single-line constructs only (no triple-quoted strings across lines in the tutorials),
// so a per-line scan is enough.
#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

class PythonHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit PythonHighlighter(QTextDocument *document);
    void setHighContrast(bool on);  // darker, bolder colours for a projector
    void setGutterWidth(int chars);  // each line starts with a line number this wide: grey, not code

protected:
    void highlightBlock(const QString &text) override;

private:
    void makeFormats();

    bool m_highContrast = false;
    int m_gutter = 0;
    QTextCharFormat m_lineNumber;
    QTextCharFormat m_keyword;
    QTextCharFormat m_builtin;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_comment;
};
