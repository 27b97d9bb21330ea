// A pane's parameters as a small form, edited before the pane starts: a spin box for a
// number, a line for text, each labelled in the learner's language. A refused value keeps
// the learner's text and shows why in red next to it; the pane keeps its last good value.
// A parameter that follows another pane's (the client's port follows the server's) says
// so and is read-only while it does. While the pane runs the form is disabled, with a
// line saying why.
#pragma once

#include <QHash>
#include <QWidget>

class PaneRunner;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
struct ParamDefinition;

class ParamEditor : public QWidget {
    Q_OBJECT
public:
    ParamEditor(PaneRunner *runner, const QString &language, QWidget *parent = nullptr);
    ~ParamEditor() override;

    PaneRunner *runner() const { return m_runner; }
    QWidget *field(const QString &name) const;       // a QSpinBox, a QComboBox (choices) or a QLineEdit
    QLabel *problemLabel(const QString &name) const;  // why the value was refused; hidden when fine
    QLabel *followLabel(const QString &name) const;   // what it follows; null for other parameters
    bool hasProblems() const;                         // some field shows a refused value
    QLabel *label(const QString &name) const;         // the parameter's label, in the learner's language
    void setLanguage(const QString &language);        // the labels in another language (the window's switch)

public slots:
    // Applies what every field shows, as pressing Enter in each would: for a window to call
    // before it starts the pane from a tool bar, which does not take the focus from a field
    // being edited. False when some value was refused.
    bool commit();
    void sync();  // the runner's values into the fields, except text the runner refused

signals:
    void problemsChanged(bool any);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Field {
        const ParamDefinition *param = nullptr;
        QLabel *label = nullptr;
        QSpinBox *spin = nullptr;
        QLineEdit *line = nullptr;
        QComboBox *combo = nullptr;  // a string parameter with choices
        QLabel *problem = nullptr;
        QLabel *follow = nullptr;
        QString shown;         // what sync() last put in: other text is the learner's, not applied yet
        bool refused = false;
    };
    bool apply(Field &field);
    QString textOf(const Field &field) const;
    void setText(Field &field, const QString &value);
    void updateEnabled();
    void retranslate();
    QString placeInListing(const ParamDefinition &param) const;

    PaneRunner *m_runner;
    QString m_language;
    QWidget *m_form;
    QLabel *m_runningNote;
    QLabel *m_noParams = nullptr;
    QList<Field> m_fields;
};
