// PaneView: the pane's listing and the learner's own program in it - typed into the listing
// (EditedListing keeps the text) or opened from a file - and back to the lesson's program.
#include "PaneView.h"

#include "EditedListing.h"
#include "ListingView.h"
#include "PythonHighlighter.h"

#include <PaneRunner.h>

#include <QFileDialog>
#include <QMessageBox>
#include <QPlainTextEdit>

void PaneView::showListing()
{
    if (m_editing)
        return;  // the learner's text is not thrown away by a parameter or a Reset
    QStringList lines = m_runner->listing();
    for (int i = 0; i < lines.size(); ++i)
        lines[i] = QStringLiteral("%1  %2").arg(i + 1, kLineNumberWidth).arg(lines[i]);
    m_listing->setPlainText(lines.join(QLatin1Char('\n')));
}

void PaneView::setLab(const QString &labId)
{
    m_labId = labId;
    // The learner's program as they left it: the file they opened last, else their kept edit.
    const QString opened = EditedListing::openedFile(labId, m_runner->paneId());
    if (!opened.isEmpty()) {
        const QString problem = m_runner->setLearnerProgram(opened);
        if (problem.isEmpty())
            return;
        EditedListing::forgetOpened(labId, m_runner->paneId());  // moved or deleted: said once
        appendConsole({tr("Your program %1 was not opened again: %2").arg(opened, problem), {}, true});
    }
    if (!EditedListing::isKept(labId, m_runner->paneId()))
        return;
    if (const QString problem = m_runner->setLearnerProgram(editedFile()); !problem.isEmpty())
        appendConsole({problem, {}, true});
}

QString PaneView::editedFile() const
{
    return m_labId.isEmpty() ? QString() : EditedListing::file(m_labId, m_runner->paneId());
}

// The program's own text, without line numbers, to type in; Python colours stay.
void PaneView::editListing()
{
    if (m_runner->isActive() || m_labId.isEmpty())
        return;
    const QString text = m_runner->listing().join(QLatin1Char('\n'));
    m_editing = true;
    m_listing->setMarkers({});
    m_listing->setReadOnly(false);
    m_highlighter->setGutterWidth(0);
    m_listing->setPlainText(text);
    m_listing->setFocus();
    setSelected(m_selected);
}

void PaneView::leaveEditing()
{
    m_editing = false;
    m_listing->setReadOnly(true);
    m_highlighter->setGutterWidth(kLineNumberWidth + 2);
}

bool PaneView::commitEdit()
{
    if (!m_editing || m_runner->isActive())
        return true;
    QString problem = EditedListing::save(m_labId, m_runner->paneId(), m_listing->toPlainText());
    if (problem.isEmpty()) {
        leaveEditing();
        problem = m_runner->setLearnerProgram(editedFile());  // shows it, numbered, as the pane's program
        EditedListing::forgetOpened(m_labId, m_runner->paneId());  // the edit is now the program
    }
    if (!problem.isEmpty()) {
        appendConsole({problem, {}, true});  // the text stays in the listing: nothing typed is lost
        return false;
    }
    return true;
}

void PaneView::restoreProgram()
{
    if (!m_labId.isEmpty()) {
        EditedListing::discard(m_labId, m_runner->paneId());
        EditedListing::forgetOpened(m_labId, m_runner->paneId());
    }
    leaveEditing();
    m_runner->setLearnerProgram(QString());
}

void PaneView::openProgram()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Your own program for this pane"), QString(),
                                                      tr("Python programs (*.py);;All files (*)"));
    if (file.isEmpty())
        return;
    if (const QString problem = useOpenedProgram(file); !problem.isEmpty())
        QMessageBox::warning(this, tr("Your own program"), problem);
}

QString PaneView::useOpenedProgram(const QString &file)
{
    if (const QString problem = m_runner->setLearnerProgram(file); !problem.isEmpty())
        return problem;
    if (!m_labId.isEmpty())
        EditedListing::rememberOpened(m_labId, m_runner->paneId(), file);
    if (m_editing) {  // the file replaces the text being edited (a kept edit stays kept)
        leaveEditing();
        showListing();
        setSelected(m_selected);
    }
    return {};
}
