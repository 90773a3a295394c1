namespace ComplaintFlow.Core.Sla;

/// <summary>
/// One SLA window: when it is due and when to send reminders before that (UTC, strictly before
/// <paramref name="Due"/>, ascending). Equality compares the reminders element by element.
/// </summary>
public sealed record SlaClock(DateTimeOffset Due, IReadOnlyList<DateTimeOffset> Reminders)
{
    public bool Equals(SlaClock? other) =>
        other is not null && Due == other.Due && Reminders.SequenceEqual(other.Reminders);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Due);
        foreach (var reminder in Reminders)
        {
            hash.Add(reminder);
        }

        return hash.ToHashCode();
    }
}
