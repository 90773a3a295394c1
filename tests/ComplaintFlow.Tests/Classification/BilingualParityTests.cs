using ComplaintFlow.Core.Classification;
using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Tests.Classification;

/// <summary>
/// The same complaint written in Chinese and in English gets the same category and severity: a customer is not
/// served faster or slower for the language they write in.
/// </summary>
public sealed class BilingualParityTests
{
    private static readonly Classifier Default = new(new ClassificationOptions());

    /// <summary>Parallel complaints, as customers write them in each language, with what a person would decide.</summary>
    private static readonly (string Chinese, string English, Category Category, Severity Severity)[] Cases =
    [
        // Technical failure
        ("更新以后 App 一打开就闪退。", "Since the update the app crashes as soon as I open it.", Category.TechnicalFailure, Severity.Urgent),
        ("升级以后我的数据丢失了。", "After the upgrade I lost all my data.", Category.TechnicalFailure, Severity.Urgent),
        ("页面一直加载不出来，还显示报错。", "The page won't load and shows an error.", Category.TechnicalFailure, Severity.Normal),

        // Payment
        ("结账时一直支付失败，没法下单。", "Payment failed every time at checkout, so I cannot order.", Category.Payment, Severity.Urgent),
        ("同一笔订单被扣了两次钱。", "I was charged twice for the same order.", Category.Payment, Severity.Urgent),
        ("申请退款十天了，退款还是没到账。", "I asked for a refund ten days ago and the refund still hasn't arrived.", Category.Payment, Severity.High),

        // Delivery
        ("外卖超时一个小时才送到。", "The food delivery was an hour late.", Category.Delivery, Severity.Normal),
        ("物流显示已签收，但我一直没收到货。", "The tracking says delivered but I never received the package.", Category.Delivery, Severity.High),

        // Service attitude
        ("骑手态度很差，还冲我大吼大叫。", "The courier was rude and shouted at me.", Category.ServiceAttitude, Severity.High),
        ("骑手态度恶劣。", "The courier was very rude.", Category.ServiceAttitude, Severity.Normal),
        ("客服很不耐烦，说话也没礼貌。", "The customer service agent was impatient and impolite.", Category.ServiceAttitude, Severity.Normal),
        ("客服骂我，还威胁要封我的号。", "The support agent insulted me and threatened to ban me.", Category.ServiceAttitude, Severity.High),

        // Product quality
        ("收到的杯子是破损的。", "The cup arrived broken.", Category.ProductQuality, Severity.Normal),
        ("买的牛奶过期了，已经变质。", "The milk I bought had expired and was spoiled.", Category.ProductQuality, Severity.Normal),

        // Price
        ("配送费太贵了，比上周还涨价了。", "The delivery fee is too expensive, and the price went up since last week.", Category.Price, Severity.Normal),

        // Privacy
        ("我的个人信息被泄露了。", "My personal information was leaked.", Category.Privacy, Severity.High),

        // Account
        ("我的账号被盗了，有人异地登录。", "My account was hacked and someone logged in from another city.", Category.Account, Severity.High),
        ("我想修改账号绑定的密码。", "I want to change the password of my account.", Category.Account, Severity.Normal),

        // Suggestion
        ("建议增加夜间模式。", "I suggest adding a dark mode.", Category.Suggestion, Severity.Low),

        // Other
        ("充电宝充电时起火了，太危险了。", "The power bank caught fire while charging, it is really dangerous.", Category.Other, Severity.Urgent),
        ("谢谢你们昨天的帮助。", "Thank you for your help yesterday.", Category.Other, Severity.Normal),
    ];

    public static TheoryData<string, string, Category, Severity> ParallelComplaints => new(Cases);

    [Theory]
    [MemberData(nameof(ParallelComplaints))]
    public void A_complaint_in_Chinese_and_its_English_twin_get_the_same_category_and_severity(string chinese, string english, Category category, Severity severity)
    {
        var zh = Default.Classify(null, chinese, null);
        var en = Default.Classify(null, english, null);

        Assert.True(
            (category, severity) == (zh.Category, zh.Severity) && (category, severity) == (en.Category, en.Severity),
            $"Expected {category}/{severity}; Chinese gave {zh.Category}/{zh.Severity} ({zh.Reason}); English gave {en.Category}/{en.Severity} ({en.Reason}).");
    }

    [Fact]
    public void The_table_covers_every_category_and_every_severity()
    {
        Assert.True(Cases.Length >= 12);
        Assert.Equal(Enum.GetValues<Category>(), Cases.Select(c => c.Category).Distinct().Order());
        Assert.Equal(Enum.GetValues<Severity>(), Cases.Select(c => c.Severity).Distinct().Order());
    }
}
