namespace ComplaintFlow.Core.Complaints;

/// <summary>What a complaint is about; decides the responsible team.</summary>
public enum Category
{
    TechnicalFailure,
    Payment,
    Delivery,
    ServiceAttitude,
    ProductQuality,
    Price,
    Privacy,
    Account,
    Suggestion,
    Other,
}
