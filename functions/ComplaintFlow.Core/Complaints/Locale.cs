namespace ComplaintFlow.Core.Complaints;

/// <summary>The language a customer is answered in.</summary>
public enum Locale
{
    En,
    Zh,
}
