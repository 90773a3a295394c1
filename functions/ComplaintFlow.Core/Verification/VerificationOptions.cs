namespace ComplaintFlow.Core.Verification;

/// <summary>Limits for duplicate and abuse checks (configuration section "Verification").</summary>
public sealed class VerificationOptions
{
    /// <summary>More complaints than this from one customer within <see cref="BurstWindow"/> is a burst: rejected as abuse.</summary>
    public int BurstLimit { get; set; } = 5;

    public TimeSpan BurstWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a customer rejected for a burst is refused at intake (429), unless lifted sooner.</summary>
    public TimeSpan RestrictionPeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The same text from this many other customers within <see cref="SameTextWindow"/> is a campaign: rejected as abuse.</summary>
    public int SameTextLimit { get; set; } = 3;

    public TimeSpan SameTextWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How far back an open complaint of the same customer counts as the original of a repeat.</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A description with fewer letters (or CJK characters) than this has no real content: rejected.</summary>
    public int MinimumMeaningfulCharacters { get; set; } = 4;

    /// <summary>The most questions <see cref="MaxQuestions"/> may allow; the workflow never asks more at verification.</summary>
    public const int MostQuestions = 3;

    /// <summary>
    /// How many times verification may ask the customer for information (what happened, the order number) before the
    /// complaint goes ahead with what it has; 0 never asks.
    /// </summary>
    public int MaxQuestions { get; set; } = 2;

    /// <summary>
    /// A complaint with no order number, about nothing the classification rules know, and less text than this (letters;
    /// a Chinese, Japanese or Korean character counts as three) says too little to act on: the customer is asked what happened.
    /// </summary>
    public int MinimumDetail { get; set; } = 40;

    /// <summary>Categories whose complaints need an order id; without one the customer is asked for it.</summary>
    public IList<Complaints.Category> CategoriesNeedingOrder { get; } =
        [Complaints.Category.Delivery, Complaints.Category.Payment, Complaints.Category.ProductQuality];

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (BurstLimit < 1)
        {
            errors.Add("Verification:BurstLimit must be at least 1.");
        }

        if (SameTextLimit < 1)
        {
            errors.Add("Verification:SameTextLimit must be at least 1.");
        }

        if (MaxQuestions is < 0 or > MostQuestions)
        {
            errors.Add($"Verification:MaxQuestions must be 0 to {MostQuestions}.");
        }

        if (MinimumDetail < 0)
        {
            errors.Add("Verification:MinimumDetail must not be negative.");
        }

        if (BurstWindow <= TimeSpan.Zero || SameTextWindow <= TimeSpan.Zero || DuplicateWindow <= TimeSpan.Zero)
        {
            errors.Add("Verification:BurstWindow, SameTextWindow and DuplicateWindow must be positive.");
        }

        return errors;
    }
}
