namespace ComplaintFlow.Core.Complaints;

/// <summary>The person who complained. Personal data: never logged.</summary>
public sealed record Customer(string Id, string? Name, string? Email, string? Phone, Locale Locale);
