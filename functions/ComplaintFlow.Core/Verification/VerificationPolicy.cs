using System.Globalization;
using System.Text;
using ComplaintFlow.Core.Classification;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Workflow.Activities;

namespace ComplaintFlow.Core.Verification;

/// <summary>
/// Decides whether a recorded complaint goes ahead: content, duplicates, abuse and questions. Pure: the caller gathers
/// the customer's originals (and which of them are still open) and the text's recent complaints.
/// </summary>
/// <remarks>
/// A repeat of an open original merges into it, however fast the customer sends it: it costs nobody new work and
/// raises the original's priority. A burst counts the complaints that went ahead as new (the originals), from the last
/// lift of a restriction on: repeats and rejected complaints make no burst.
/// </remarks>
public sealed class VerificationPolicy(VerificationOptions options)
{
    /// <summary>
    /// The customer's originals that <paramref name="complaint"/> would repeat: another complaint within the duplicate
    /// window with the same text fingerprint or the same order, newest first (the caller finds out which are still open).
    /// </summary>
    public IReadOnlyList<ComplaintIndexEntry> RepeatCandidates(Complaint complaint, IReadOnlyList<ComplaintIndexEntry> originals)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(originals);
        var fingerprint = TextFingerprint.Of(complaint.Description);
        return
        [
            .. originals
                .Where(e => e.ComplaintId != complaint.Id.Value && e.ReceivedAt > complaint.ReceivedAt - options.DuplicateWindow)
                .Where(e => e.TextFingerprint == fingerprint || (complaint.OrderId is not null && e.OrderId == complaint.OrderId))
                .OrderByDescending(e => e.ReceivedAt),
        ];
    }

    /// <param name="complaint">The complaint being verified.</param>
    /// <param name="classification">What the classifier makes of its text and of what the customer added when asked.</param>
    /// <param name="originals">The customer's originals (<see cref="CustomerOriginals"/>); this complaint among them when it went ahead before.</param>
    /// <param name="openOriginals">Which of <paramref name="originals"/> are still open.</param>
    /// <param name="sameText">Recent complaints with the same text fingerprint, this one excluded.</param>
    /// <param name="questionsAsked">How many times the customer was already asked for information.</param>
    /// <param name="restrictionLiftedAt">When staff last lifted a restriction of the customer's: complaints received before then are forgiven.</param>
    public VerificationResult Decide(
        Complaint complaint,
        ClassificationResult classification,
        CustomerOriginals originals,
        IReadOnlySet<string> openOriginals,
        IReadOnlyList<ComplaintIndexEntry> sameText,
        int questionsAsked,
        DateTimeOffset? restrictionLiftedAt = null)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(classification);
        ArgumentNullException.ThrowIfNull(originals);
        ArgumentNullException.ThrowIfNull(openOriginals);
        ArgumentNullException.ThrowIfNull(sameText);
        var text = $"{complaint.Subject} {complaint.Description}";

        if (TextFingerprint.MeaningfulCharacters(text) < options.MinimumMeaningfulCharacters)
        {
            return new VerificationResult(VerificationDecision.Reject, "No real description: the complaint does not say what happened.");
        }

        // Let through as new before (verified again after a question, or the activity ran twice): only questions remain.
        if (!originals.Contains(complaint.Id.Value) && Refused(complaint, originals, openOriginals, sameText, restrictionLiftedAt) is { } refused)
        {
            return refused;
        }

        var mayAsk = questionsAsked < Math.Min(options.MaxQuestions, VerificationOptions.MostQuestions);
        if (mayAsk && SaysTooLittle(complaint, classification))
        {
            var question = complaint.Customer.Locale == Locale.Zh
                ? "您的描述比较简短，我们还不清楚发生了什么。请具体说明遇到的问题：发生在什么时候、涉及哪个订单或功能、具体情况如何，以便我们尽快处理。"
                : "Your message is quite short, so we cannot tell yet what went wrong. Please tell us what happened: when it was, which order or feature it is about, and what went wrong.";
            return new VerificationResult(VerificationDecision.AskForInformation, "The complaint says too little to act on.", question);
        }

        if (mayAsk && questionsAsked == 0 && complaint.OrderId is null && options.CategoriesNeedingOrder.Contains(classification.Category))
        {
            var question = complaint.Customer.Locale == Locale.Zh
                ? "请提供相关的订单号，以便我们尽快核实处理。"
                : "Please give us the order number this is about, so we can look into it.";
            return new VerificationResult(VerificationDecision.AskForInformation, "The order number is missing.", question);
        }

        return new VerificationResult(VerificationDecision.Accept);
    }

    /// <summary>A merge into an open original, or a rejection for abuse; null when the complaint is new and may go ahead.</summary>
    private VerificationResult? Refused(
        Complaint complaint, CustomerOriginals originals, IReadOnlySet<string> openOriginals, IReadOnlyList<ComplaintIndexEntry> sameText, DateTimeOffset? restrictionLiftedAt)
    {
        var at = complaint.ReceivedAt;
        var original = RepeatCandidates(complaint, originals.Entries).Where(e => openOriginals.Contains(e.ComplaintId)).MinBy(e => e.ReceivedAt);
        if (original is not null)
        {
            return new VerificationResult(VerificationDecision.MergeIntoOriginal, "A repeat of an open complaint by the same customer.", OriginalComplaintId: original.ComplaintId);
        }

        var burstSince = restrictionLiftedAt is { } lifted && lifted > at - options.BurstWindow ? lifted : at - options.BurstWindow;
        var burst = originals.Entries.Count(e => e.ComplaintId != complaint.Id.Value && e.ReceivedAt > burstSince);
        if (burst >= options.BurstLimit)
        {
            return new VerificationResult(
                VerificationDecision.Reject,
                string.Create(CultureInfo.InvariantCulture, $"Too many complaints from one customer: {burst + 1} within {options.BurstWindow.TotalMinutes:0} minutes."),
                RestrictCustomer: true);
        }

        var senders = sameText
            .Where(e => e.CustomerId != complaint.Customer.Id && e.ReceivedAt > at - options.SameTextWindow && e.ReceivedAt <= at)
            .Select(e => e.CustomerId)
            .Distinct(StringComparer.Ordinal)
            .Count();
        return senders >= options.SameTextLimit
            ? new VerificationResult(
                VerificationDecision.Reject,
                string.Create(CultureInfo.InvariantCulture, $"The same text arrived from {senders + 1} customers within {options.SameTextWindow.TotalMinutes:0} minutes."))
            : null;
    }

    /// <summary>No order number, no rule matched, and little text, counting what the customer added when asked.</summary>
    private bool SaysTooLittle(Complaint complaint, ClassificationResult classification) =>
        complaint.OrderId is null
        && classification.Matches.Count == 0
        && Detail(string.Join(' ', [complaint.Subject ?? string.Empty, complaint.Description, .. complaint.AddedInformation()])) < options.MinimumDetail;

    /// <summary>Letters, a CJK character counting as three (one says about as much as a short English word).</summary>
    private static int Detail(string text)
    {
        var detail = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetter(rune))
            {
                detail += IsCjk(rune) ? 3 : 1;
            }
        }

        return detail;
    }

    private static bool IsCjk(Rune rune) =>
        rune.Value is (>= 0x2E80 and <= 0x9FFF) or (>= 0xAC00 and <= 0xD7AF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x3134F);
}
