#pragma once

#include <QSortFilterProxyModel>

namespace opsdeck::widgets {

// Sorting and filtering of the Services table: numeric sort (SortRole), a
// case-insensitive text filter over service and method/caller/replica, a kind
// filter and "problems only" (rows with a warning or critical cell).
class ServicesProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum KindMask { Methods = 1, Edges = 2, Replicas = 4, All = 7 };

    explicit ServicesProxyModel(QObject *parent = nullptr);

    void setText(const QString &text);
    void setKinds(int mask);
    void setProblemsOnly(bool on);
    int kinds() const { return m_kinds; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    int m_kinds = All;
    bool m_problemsOnly = false;
};

} // namespace opsdeck::widgets
