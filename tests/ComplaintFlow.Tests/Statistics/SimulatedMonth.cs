using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Core.Statistics;
using ComplaintFlow.Tests.Sla;

namespace ComplaintFlow.Tests.Statistics;

/// <summary>
/// A few hundred complaints of November 2026 walked through varied lives (rejected, merged, resolved, reopened,
/// unconfirmed, still open, across the month's end), with the facts each step would record, in order.
/// </summary>
internal sealed class SimulatedMonth
{
    private SimulatedMonth(IReadOnlyList<Complaint> complaints, IReadOnlyList<IReadOnlyList<ComplaintFacts>> recordings)
    {
        Complaints = complaints;
        Recordings = recordings;
    }

    /// <summary>The complaints as they end up.</summary>
    public IReadOnlyList<Complaint> Complaints { get; }

    /// <summary>Per complaint, the facts recorded after each of its steps, oldest first.</summary>
    public IReadOnlyList<IReadOnlyList<ComplaintFacts>> Recordings { get; }

    public static SimulatedMonth Generate(int count, int seed)
    {
        var random = new Random(seed);
        var complaints = new List<Complaint>();
        var recordings = new List<IReadOnlyList<ComplaintFacts>>();
        for (var i = 0; i < count; i++)
        {
            var start = At.Utc(2026, 11, 1, 0).AddMinutes(random.Next(0, 30 * 24 * 60));
            var life = Lifecycle.Received(start, $"u-{i}");
            var facts = new List<ComplaintFacts> { life.Facts() };
            var t = start;
            DateTimeOffset Later(int maxHours) => t = t.AddMinutes(random.Next(1, maxHours * 60));
            void Step(Action<Lifecycle> step)
            {
                step(life);
                facts.Add(life.Facts());
            }

            var path = random.Next(10);
            if (path == 0)
            {
                Step(l => l.Rejected(Later(1)));
            }
            else if (path == 1 && complaints.Count > 0)
            {
                Step(l => l.MergedInto(complaints[random.Next(complaints.Count)].Id, Later(1)));
            }
            else
            {
                var severity = (Severity)random.Next(4);
                var category = (Category)random.Next(10);
                Step(l => l.Assigned(severity, Later(2), category, $"team-{(int)category % 3}"));
                if (random.Next(4) == 0)
                {
                    Step(l => l.Asked(Later(30)));
                    Step(l => l.Answered(Later(72)));
                }

                if (random.Next(5) == 0)
                {
                    Step(l => l.Breached("first response", Later(48)));
                    Step(l => l.Escalated(t));
                }

                var rounds = random.Next(3) == 0 ? 2 : 1;
                for (var round = 1; round <= rounds && path != 2; round++)
                {
                    Step(l => l.Resolved(Later(80)));
                    var answer = random.Next(4);
                    if (round < rounds)
                    {
                        Step(l => l.Verdict(false, Later(40), rating: 1));
                        Step(l => l.Assigned(severity, t));
                    }
                    else if (answer == 0)
                    {
                        Step(l => l.Unconfirmed(Later(170)));
                    }
                    else
                    {
                        Step(l => l.Verdict(true, Later(40), rating: answer == 1 ? null : random.Next(1, 6)));
                    }
                }
            }

            complaints.Add(life.Complaint);
            recordings.Add(facts);
        }

        return new SimulatedMonth(complaints, recordings);
    }
}
