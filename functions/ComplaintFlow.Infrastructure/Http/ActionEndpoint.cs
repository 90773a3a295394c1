using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ComplaintFlow.Core.Assignment;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Notifications;
using ComplaintFlow.Core.Sla;
using ComplaintFlow.Core.Workflow;
using ComplaintFlow.Infrastructure.Http.Pages;
using ComplaintFlow.Infrastructure.Links;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace ComplaintFlow.Infrastructure.Http;

/// <summary>
/// <c>GET/POST /api/actions/{token}</c>: the pages behind the links in emails. <c>GET</c> only shows (mail scanners
/// open every link); the form's <c>POST</c> acts once: it is checked (token, CSRF cookie, the complaint still at the
/// step the link was sent for), recorded in the single-use ledger, and only then raised as an event. The ledger keys
/// the step as well as the link, so of two links for one step (the assignment's and a reminder's, or one page open
/// for two agents) posted at once the first wins and the other answers 409 saying what was decided, by whom and when.
/// </summary>
public sealed partial class ActionEndpoint(
    ActionTokenService tokens,
    IActionLedger ledger,
    IComplaintStore store,
    IAgentDirectory agents,
    DurableTaskClient client,
    TimeProvider time,
    WorkingHoursOptions workingHours,
    ILogger<ActionEndpoint> logger)
{
    public const int MaxTextLength = 4000;
    private const string CsrfField = "csrf";
    private const string CsrfCookie = "cf_csrf";

    public async Task<IResult> GetAsync(HttpContext http, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (claims, complaint, problem) = await LoadAsync(token, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var text = ActionText.For(complaint!.Customer.Locale);
        if (await ledger.FindAsync(claims!, cancellationToken) is { } used)
        {
            return AlreadyUsed(StatusCodes.Status200OK, complaint, used);
        }

        if (!IsCurrent(claims!, complaint))
        {
            return await ledger.FindStepAsync(claims!.ComplaintId, StepOf(claims, complaint), cancellationToken) is { } decided
                ? await AlreadyUsedAsync(StatusCodes.Status200OK, claims, complaint, decided, cancellationToken)
                : PageLayout.Message(StatusCodes.Status200OK, complaint.Customer.Locale, text.StaleTitle, Format(text.Stale, text.StatusName(complaint.Status)), "warn");
        }

        var csrf = IssueCsrf(http, token);
        var form = new ActionForm(http.Request.Query["choice"].ToString(), null, null, null, null);
        return ActionPages.Form(StatusCodes.Status200OK, claims!, complaint, csrf, form, [], workingHours.TimeZone);
    }

    public async Task<IResult> PostAsync(HttpContext http, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (claims, complaint, problem) = await LoadAsync(token, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var locale = complaint!.Customer.Locale;
        var text = ActionText.For(locale);
        if (!http.Request.HasFormContentType)
        {
            return PageLayout.Message(StatusCodes.Status415UnsupportedMediaType, locale, text.FormExpiredTitle, text.FormExpired, "error");
        }

        // A used or stale link acts on nothing, so it answers with what happened before any form check.
        if (await ledger.FindAsync(claims!, cancellationToken) is { } used)
        {
            return AlreadyUsed(StatusCodes.Status409Conflict, complaint, used);
        }

        if (!IsCurrent(claims!, complaint))
        {
            // Another link of this step acted and the workflow has already moved on: say what it decided.
            return await ledger.FindStepAsync(claims!.ComplaintId, StepOf(claims, complaint), cancellationToken) is { } decided
                ? await AlreadyUsedAsync(StatusCodes.Status409Conflict, claims, complaint, decided, cancellationToken)
                : PageLayout.Message(StatusCodes.Status409Conflict, locale, text.StaleTitle, Format(text.Stale, text.StatusName(complaint.Status)), "warn");
        }

        var posted = await http.Request.ReadFormAsync(cancellationToken);
        if (!CsrfMatches(http, token, posted[CsrfField].ToString()))
        {
            return PageLayout.Message(StatusCodes.Status403Forbidden, locale, text.FormExpiredTitle, text.FormExpired, "error");
        }

        var form = new ActionForm(posted["choice"].ToString(), posted["text"].ToString(), posted["compensation"].ToString(), posted["rating"].ToString(), posted["comment"].ToString());
        var (eventName, payload, summary, errors) = ActionForms.Read(claims!, form, text);
        if (errors.Count > 0)
        {
            return ActionPages.Form(StatusCodes.Status400BadRequest, claims!, complaint, posted[CsrfField].ToString(), form, errors, workingHours.TimeZone);
        }

        var now = time.GetUtcNow();
        if (await ledger.TryRecordAsync(claims!, StepOf(claims!, complaint), summary!, now, cancellationToken) is { } raced)
        {
            return await AlreadyUsedAsync(StatusCodes.Status409Conflict, claims!, complaint, raced, cancellationToken);
        }

        await client.RaiseEventAsync(claims!.ComplaintId, eventName!, payload, cancellationToken);
        LogRecorded(logger, claims.ComplaintId, claims.Purpose);
        var done = claims.Purpose switch
        {
            ActionPurpose.AgentDecision => text.RecordedDecision,
            ActionPurpose.CustomerConfirmation => text.RecordedConfirmation,
            _ => text.RecordedInformation,
        };
        return PageLayout.Page(StatusCodes.Status200OK, locale, text.Recorded, $"<section class=\"card notice\" role=\"status\"><p>{Html.Encode(done)}</p><blockquote>{Html.Encode(summary)}</blockquote></section>");
    }

    /// <summary>True when the complaint is still at the step the link was issued for.</summary>
    public static bool IsCurrent(ActionClaims claims, Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(complaint);
        return claims.Purpose switch
        {
            ActionPurpose.AgentDecision => complaint.Status == ComplaintStatus.Assigned
                && LinkGeneration.ForAssignment(complaint) == claims.Generation
                && string.Equals(complaint.AssignedAgent, claims.Recipient, StringComparison.Ordinal),
            ActionPurpose.CustomerConfirmation => complaint.Status == ComplaintStatus.AwaitingCustomer
                && LinkGeneration.ForConfirmation(complaint.Round) == claims.Generation,
            ActionPurpose.CustomerInformation => complaint.Status == ComplaintStatus.NeedsInfo
                && LinkGeneration.ForAssignment(complaint) == claims.Generation,
            _ => false,
        };
    }

    /// <summary>
    /// The step of <paramref name="complaint"/> a link with these claims acts on: its purpose, generation, and how many
    /// times the complaint has come to that kind of wait (an answered question or a reassignment brings the agent back to
    /// a decision in the same generation; reminders and notes do not start a new step). Every link of one step gives
    /// the same value, so the ledger lets only one of them act.
    /// </summary>
    public static string StepOf(ActionClaims claims, Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(complaint);
        Func<TimelineEventKind, bool> starts = claims.Purpose switch
        {
            ActionPurpose.AgentDecision => k => k is TimelineEventKind.Assigned or TimelineEventKind.InformationProvided,
            ActionPurpose.CustomerConfirmation => k => k is TimelineEventKind.OutcomeProposed,
            _ => k => k is TimelineEventKind.InformationRequested,
        };
        var visit = complaint.Timeline.Count(e => starts(e.Kind));
        return string.Create(CultureInfo.InvariantCulture, $"{claims.Purpose}-{claims.Generation}-{visit}");
    }

    private async Task<(ActionClaims? Claims, Complaint? Complaint, IResult? Problem)> LoadAsync(string token, CancellationToken cancellationToken)
    {
        var validation = tokens.Validate(token);
        if (validation.Status is TokenStatus.Malformed or TokenStatus.Tampered)
        {
            var en = ActionText.English;
            return (null, null, PageLayout.Message(StatusCodes.Status404NotFound, Locale.En, en.InvalidTitle, en.Invalid, "error"));
        }

        var claims = validation.Claims!;
        var found = ComplaintId.TryParse(claims.ComplaintId, out var id) ? await store.FindAsync(id, cancellationToken) : null;
        if (found is null)
        {
            var en = ActionText.English;
            return (claims, null, PageLayout.Message(StatusCodes.Status404NotFound, Locale.En, en.NotFoundTitle, en.NotFound, "error"));
        }

        var complaint = found.Complaint;
        if (validation.Status == TokenStatus.Expired)
        {
            var text = ActionText.For(complaint.Customer.Locale);
            var when = EmailFormat.Date(claims.ExpiresAt, complaint.Customer.Locale, workingHours.TimeZone);
            return (claims, complaint, PageLayout.Message(StatusCodes.Status410Gone, complaint.Customer.Locale, text.ExpiredTitle, Format(text.Expired, when), "warn"));
        }

        return (claims, complaint, null);
    }

    private async Task<IResult> AlreadyUsedAsync(int status, ActionClaims claims, Complaint complaint, LedgerEntry used, CancellationToken cancellationToken)
    {
        if (used.Nonce == claims.Nonce || used.Purpose != ActionPurpose.AgentDecision)
        {
            return AlreadyUsed(status, complaint, used);
        }

        // Another agent's link, or the same page in another hand: name who decided, as the roster knows them.
        var text = ActionText.For(complaint.Customer.Locale);
        var who = (await agents.FindAsync(used.Recipient, cancellationToken))?.Name ?? used.Recipient;
        var when = EmailFormat.Date(used.RecordedAt, complaint.Customer.Locale, workingHours.TimeZone);
        var what = used.OutcomeSummary.TrimEnd().TrimEnd('。', '.', '！', '!');
        return PageLayout.Message(status, complaint.Customer.Locale, text.AlreadyDecidedTitle, Format(text.AlreadyDecided, when, who, what));
    }

    private IResult AlreadyUsed(int status, Complaint complaint, LedgerEntry used)
    {
        var text = ActionText.For(complaint.Customer.Locale);
        var when = EmailFormat.Date(used.RecordedAt, complaint.Customer.Locale, workingHours.TimeZone);
        // The template ends the sentence itself: a summary ending in its own full stop would show "。。".
        var what = used.OutcomeSummary.TrimEnd().TrimEnd('。', '.', '！', '!');
        return PageLayout.Message(status, complaint.Customer.Locale, text.AlreadyUsedTitle, Format(text.AlreadyUsed, when, what));
    }

    private static string Format(string template, params object[] values) => string.Format(CultureInfo.InvariantCulture, template, values);

    // Double-submit cookie whose value is bound to the link (ActionTokenService.IssueCsrf): stateless, so it works on
    // any instance of any host, and a pair made up or taken from another link's page is refused.
    private string IssueCsrf(HttpContext http, string token)
    {
        var value = tokens.IssueCsrf(token);
        http.Response.Cookies.Append(CsrfCookie, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/api/actions/" + token,
            MaxAge = TimeSpan.FromHours(12),
        });
        return value;
    }

    private bool CsrfMatches(HttpContext http, string token, string posted)
    {
        var cookie = http.Request.Cookies[CsrfCookie];
        return !string.IsNullOrEmpty(cookie) && !string.IsNullOrEmpty(posted)
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(cookie), Encoding.ASCII.GetBytes(posted))
            && tokens.IsCsrfFor(token, cookie);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Action recorded for complaint {ComplaintId}: {Purpose}")]
    private static partial void LogRecorded(ILogger logger, string complaintId, ActionPurpose purpose);
}
