using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Classification;

/// <summary>What <see cref="Classifier.Classify"/> decided, and why.</summary>
/// <param name="Category">The category with the highest total score; <see cref="Category.Other"/> when no rule voted.</param>
/// <param name="Severity">The highest severity asked for by a matching rule (or the default), raised by the sender's hint.</param>
/// <param name="Reason">For people: which rules matched on which words, and whether the hint raised the severity.</param>
/// <param name="Matches">The rules that matched, in rule order.</param>
public sealed record ClassificationResult(Category Category, Severity Severity, string Reason, IReadOnlyList<RuleMatch> Matches);
