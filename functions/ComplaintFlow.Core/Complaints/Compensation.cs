namespace ComplaintFlow.Core.Complaints;

/// <summary>What the customer is offered with a resolution.</summary>
public enum Compensation
{
    None,
    Refund,
    Coupon,
    Replacement,
}
