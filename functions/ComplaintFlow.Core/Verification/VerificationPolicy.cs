using System.Globalization;
using System.Text;
using ComplaintFlow.Core.Classification;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Workflow.Activities;

namespace ComplaintFlow.Core.Verification;

/// <summary>
/// Decides whether a recorded complaint goes ahead: content, reasonableness, duplicates and abuse. Pure: the
/// caller gathers the customer's and the text's recent complaints (and which of them are still open).
/// </summary>
public sealed class VerificationPolicy(VerificationOptions options)
{
    /// <param name="complaint">The complaint being verified.</param>
    /// <param name="classification">What the classifier makes of its text and of what the customer added when asked.</param>
    /// <param name="sameCustomer">The customer's recent complaints, this one excluded, within the longest window.</param>
    /// <param name="openOfSameCustomer">Which of <paramref name="sameCustomer"/> are still open.</param>
    /// <param name="acceptedOfSameCustomer">
    /// Which of <paramref name="openOfSameCustomer"/> are past verification: of complaints received at the same instant
    /// (a fake clock, one tick), one of those came first, whatever the ids say.
    /// </param>
    /// <param name="sameText">Recent complaints with the same text fingerprint, this one excluded.</param>
    /// <param name="questionsAsked">How many times the customer was already asked for information.</param>
    /// <param name="restrictionLiftedAt">When staff last lifted a restriction of the customer's: complaints received before then are forgiven.</param>
    public VerificationResult Decide(
        Complaint complaint,
        ClassificationResult classification,
        IReadOnlyList<ComplaintIndexEntry> sameCustomer,
        IReadOnlySet<string> openOfSameCustomer,
        IReadOnlySet<string> acceptedOfSameCustomer,
        IReadOnlyList<ComplaintIndexEntry> sameText,
        int questionsAsked,
        DateTimeOffset? restrictionLiftedAt = null)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(classification);
        ArgumentNullException.ThrowIfNull(sameCustomer);
        ArgumentNullException.ThrowIfNull(openOfSameCustomer);
        ArgumentNullException.ThrowIfNull(acceptedOfSameCustomer);
        ArgumentNullException.ThrowIfNull(sameText);
        var at = complaint.ReceivedAt;
        var text = $"{complaint.Subject} {complaint.Description}";

        if (TextFingerprint.MeaningfulCharacters(text) < options.MinimumMeaningfulCharacters)
        {
            return new VerificationResult(VerificationDecision.Reject, "No real description: the complaint does not say what happened.");
        }

        var burstSince = restrictionLiftedAt is { } lifted && lifted > at - options.BurstWindow ? lifted : at - options.BurstWindow;
        var burst = sameCustomer.Count(e => e.ReceivedAt > burstSince && e.ReceivedAt <= at);
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
        if (senders >= options.SameTextLimit)
        {
            return new VerificationResult(
                VerificationDecision.Reject,
                string.Create(CultureInfo.InvariantCulture, $"The same text arrived from {senders + 1} customers within {options.SameTextWindow.TotalMinutes:0} minutes."));
        }

        var fingerprint = TextFingerprint.Of(complaint.Description);
        var original = sameCustomer
            .Where(e => e.ComplaintId != complaint.Id.Value && openOfSameCustomer.Contains(e.ComplaintId) && e.ReceivedAt > at - options.DuplicateWindow)
            .Where(e => e.ReceivedAt < at || (e.ReceivedAt == at && (acceptedOfSameCustomer.Contains(e.ComplaintId) || string.CompareOrdinal(e.ComplaintId, complaint.Id.Value) < 0)))
            .Where(e => e.TextFingerprint == fingerprint || (complaint.OrderId is not null && e.OrderId == complaint.OrderId))
            .OrderBy(e => e.ReceivedAt)
            .FirstOrDefault();
        if (original is not null)
        {
            return new VerificationResult(VerificationDecision.MergeIntoOriginal, "A repeat of an open complaint by the same customer.", OriginalComplaintId: original.ComplaintId);
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
