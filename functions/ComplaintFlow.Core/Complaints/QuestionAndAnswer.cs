namespace ComplaintFlow.Core.Complaints;

/// <summary>A question put to the customer and, once given, their answer.</summary>
/// <param name="Question">What was asked.</param>
/// <param name="AskedAt">When.</param>
/// <param name="Answer">What the customer answered; null while unanswered (or when it was never answered).</param>
public sealed record QuestionAndAnswer(string Question, DateTimeOffset AskedAt, string? Answer);
