#pragma once

#include "backends/billing/ledgerrow.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace opsdeck::billing {

// The FOCUS columns OpsDeck reads and writes, in export order.
const std::vector<std::string> &focusColumns();

// Streaming FOCUS CSV reader (RFC 4180: quoted fields with commas, quotes and
// line breaks; CRLF or LF). Feed it chunks of any size; it never holds more
// than the record being parsed. Every valid row goes to `accept`; every
// invalid row goes to `reject` with the 1-based line it starts on (the header
// is line 1) and the reason. Columns are matched by header name, in any order;
// unknown columns (e.g. x_ extensions) are ignored.
class FocusCsvReader
{
public:
    struct Rejection
    {
        std::uint64_t line = 0;
        std::string column;
        std::string reason;
    };
    using Accept = std::function<void(LedgerRow &)>;
    using Reject = std::function<void(const Rejection &)>;

    FocusCsvReader(std::string ledgerCurrency, Accept accept, Reject reject);

    void feed(std::string_view data);
    void finish(); // end of file: the last record may lack a line break

    std::uint64_t rowsRead() const { return m_rowsRead; }
    std::uint64_t rowsAccepted() const { return m_rowsAccepted; }
    std::uint64_t rowsRejected() const { return m_rowsRejected; }

private:
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };
    enum Column : int {
        BilledCost,
        EffectiveCost,
        ListCost,
        ContractedCost,
        BillingCurrency,
        ChargePeriodStart,
        ChargePeriodEnd,
        ChargeCategory,
        PricingCategory,
        CommitmentDiscountType,
        CommitmentDiscountId,
        CommitmentDiscountStatus,
        ServiceName,
        ServiceCategory,
        RegionId,
        SubAccountId,
        ResourceId,
        ConsumedQuantity,
        ConsumedUnit,
        SkuId,
        ChargeDescription,
        Tags,
        ColumnCount
    };

    void endField();
    void endRecord();
    void header();
    void row();
    void rejectRow(std::string column, std::string reason);

    std::string m_currency;
    Accept m_accept;
    Reject m_reject;
    State m_state = State::FieldStart;
    std::vector<std::string> m_fields;
    std::size_t m_fieldCount = 0; // fields used in m_fields (reused buffers)
    std::string m_field;
    std::string m_recordError;
    std::uint64_t m_line = 1;
    std::uint64_t m_recordLine = 1;
    bool m_haveHeader = false;
    std::string m_headerError;
    std::size_t m_headerColumns = 0;
    int m_index[ColumnCount];
    LedgerRow m_row;
    std::uint64_t m_rowsRead = 0;
    std::uint64_t m_rowsAccepted = 0;
    std::uint64_t m_rowsRejected = 0;
};

// FOCUS CSV writer: appends the header, then one line per row, quoting only
// where RFC 4180 needs it.
class FocusCsvWriter
{
public:
    static void header(std::string *out);
    static void row(const LedgerRow &row, std::string *out);
};

} // namespace opsdeck::billing
