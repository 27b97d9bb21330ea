#include "PythonHighlighter.h"

#include <QSet>

#include <algorithm>

namespace {

const QSet<QString> &keywords()
{
    static const QSet<QString> words{
        QStringLiteral("and"), QStringLiteral("as"), QStringLiteral("break"), QStringLiteral("class"),
        QStringLiteral("continue"), QStringLiteral("def"), QStringLiteral("elif"), QStringLiteral("else"),
        QStringLiteral("except"), QStringLiteral("finally"), QStringLiteral("for"), QStringLiteral("from"),
        QStringLiteral("if"), QStringLiteral("import"), QStringLiteral("in"), QStringLiteral("is"),
        QStringLiteral("not"), QStringLiteral("or"), QStringLiteral("pass"), QStringLiteral("raise"),
        QStringLiteral("return"), QStringLiteral("try"), QStringLiteral("while"), QStringLiteral("with"),
        QStringLiteral("True"), QStringLiteral("False"), QStringLiteral("None"), QStringLiteral("self")};
    return words;
}

const QSet<QString> &builtins()
{
    static const QSet<QString> words{
        QStringLiteral("print"), QStringLiteral("input"), QStringLiteral("bytes"), QStringLiteral("str"),
        QStringLiteral("len"), QStringLiteral("range"), QStringLiteral("int"), QStringLiteral("socket"),
        QStringLiteral("ctime"), QStringLiteral("__name__")};
    return words;
}

bool isIdentifierStart(QChar c) { return c.isLetter() || c == QLatin1Char('_'); }
bool isIdentifierPart(QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('_'); }

} // namespace

PythonHighlighter::PythonHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    makeFormats();
}

void PythonHighlighter::setHighContrast(bool on)
{
    if (m_highContrast == on)
        return;
    m_highContrast = on;
    makeFormats();
    rehighlight();
}

void PythonHighlighter::setGutterWidth(int chars)
{
    m_gutter = chars;
    rehighlight();
}

void PythonHighlighter::makeFormats()
{
    m_lineNumber.setForeground(m_highContrast ? QColor(60, 60, 60) : QColor(150, 150, 150));
    m_keyword.setForeground(m_highContrast ? QColor(0, 0, 160) : QColor(0, 60, 170));
    m_keyword.setFontWeight(QFont::Bold);
    m_builtin.setForeground(m_highContrast ? QColor(110, 0, 130) : QColor(130, 40, 160));
    m_string.setForeground(m_highContrast ? QColor(0, 100, 0) : QColor(20, 120, 20));
    m_number.setForeground(m_highContrast ? QColor(150, 60, 0) : QColor(170, 90, 0));
    m_comment.setForeground(m_highContrast ? QColor(70, 70, 70) : QColor(120, 120, 120));
    m_comment.setFontItalic(true);
    for (QTextCharFormat *f : {&m_builtin, &m_string, &m_number, &m_comment})
        f->setFontWeight(m_highContrast ? QFont::Bold : QFont::Normal);
}

void PythonHighlighter::highlightBlock(const QString &text)
{
    const qsizetype n = text.size();
    qsizetype i = std::min<qsizetype>(m_gutter, n);
    setFormat(0, int(i), m_lineNumber);
    while (i < n) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('#')) {
            setFormat(int(i), int(n - i), m_comment);
            return;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            // A string (with its b/r prefix, coloured by the identifier branch): to the
            // matching quote, honouring backslash escapes, or to the line's end.
            qsizetype j = i + 1;
            while (j < n && text.at(j) != c)
                j += text.at(j) == QLatin1Char('\\') ? 2 : 1;
            const qsizetype end = std::min(n, j + 1);
            setFormat(int(i), int(end - i), m_string);
            i = end;
            continue;
        }
        if (c.isDigit()) {
            qsizetype j = i;
            while (j < n && (text.at(j).isLetterOrNumber() || text.at(j) == QLatin1Char('.')))
                ++j;
            setFormat(int(i), int(j - i), m_number);
            i = j;
            continue;
        }
        if (isIdentifierStart(c)) {
            qsizetype j = i;
            while (j < n && isIdentifierPart(text.at(j)))
                ++j;
            const QString word = text.mid(i, j - i);
            const bool stringPrefix = j < n && (text.at(j) == QLatin1Char('\'') || text.at(j) == QLatin1Char('"'))
                && (word == QLatin1String("b") || word == QLatin1String("r") || word == QLatin1String("f"));
            if (stringPrefix)
                setFormat(int(i), int(j - i), m_string);
            else if (keywords().contains(word))
                setFormat(int(i), int(j - i), m_keyword);
            else if (builtins().contains(word))
                setFormat(int(i), int(j - i), m_builtin);
            i = j;
            continue;
        }
        ++i;
    }
}
