using ComplaintFlow.Core.Classification;
using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Tests.Classification;

/// <summary>The default rules on complaints as customers write them, in Chinese and English.</summary>
public sealed class ClassifierTests
{
    private static readonly Classifier Default = new(new ClassificationOptions());

    public static TheoryData<string?, string, Category, Severity> RealComplaints => new()
    {
        { "骑手态度恶劣", "订单 123 配送超时两个小时，骑手还辱骂我。", Category.ServiceAttitude, Severity.High },
        { "APP闪退", "更新到 5.2.1 以后，一打开订单页面就闪退，根本用不了。", Category.TechnicalFailure, Severity.Urgent },
        { null, "支付失败了三次，但是银行卡被扣款了两次，请尽快处理！", Category.Payment, Severity.Urgent },
        { "退款问题", "申请退款已经十天了，退款还是没到账，客服一直说在处理。", Category.Payment, Severity.High },
        { "外卖迟到", "外卖送餐迟到了一个小时，饭都凉了。", Category.Delivery, Severity.Normal },
        { "收到的商品有问题", "收到的耳机有破损，而且是假货，质量太差了。", Category.ProductQuality, Severity.Normal },
        { "价格不合理", "同样的商品昨天还便宜，今天涨价了一倍，配送费用也太贵了。", Category.Price, Severity.Normal },
        { "个人信息泄露", "我的个人信息被泄露了，每天都接到骚扰电话。", Category.Privacy, Severity.High },
        { "账号登录不了", "换了手机以后账号登录不了，验证码一直收不到。", Category.Account, Severity.High },
        { "功能建议", "建议增加夜间模式，晚上看着太亮了。", Category.Suggestion, Severity.Low },
        { null, "充电宝在充电时起火了，差点烧到孩子，太危险了！", Category.Other, Severity.Urgent },
        { null, "我换手机之后聊天记录全没了，数据丢失太严重了。", Category.TechnicalFailure, Severity.Urgent },
        { "App crashes", "The app crashes every time I open my order history since the last update.", Category.TechnicalFailure, Severity.Urgent },
        { "Payment failed", "Payment failed at checkout but my card was charged twice.", Category.Payment, Severity.Urgent },
        { "Late delivery", "My package was delayed by three days and the tracking page never updated.", Category.Delivery, Severity.Normal },
        { null, "The courier threw the parcel over the fence and was rude when I asked him to be careful.", Category.Delivery, Severity.Normal },
        { "Rude support", "The customer service agent was rude and hung up on me.", Category.ServiceAttitude, Severity.Normal },
        { "Broken item", "The blender arrived broken and the lid is clearly defective.", Category.ProductQuality, Severity.Normal },
        { "Hidden fees", "The price doubled at checkout because of hidden fees; far too expensive.", Category.Price, Severity.Normal },
        { "Privacy", "You sold my data to advertisers and now I get spam every day.", Category.Privacy, Severity.High },
        { "Locked out", "I cannot log in since yesterday; my account is locked and the password reset never arrives.", Category.Account, Severity.High },
        { "Idea", "It would be nice if you could add a dark mode. Just a suggestion.", Category.Suggestion, Severity.Low },
        { null, "My phone charger caught fire while using your product. This is a safety issue!", Category.Other, Severity.Urgent },
        { "Where is my refund?", "I returned the shoes two weeks ago and still no refund.", Category.Payment, Severity.High },
        { null, "Thanks for the quick reply yesterday.", Category.Other, Severity.Normal },
    };

    [Theory]
    [MemberData(nameof(RealComplaints))]
    public void Real_complaints_get_the_category_and_severity_a_person_would_give(string? subject, string description, Category category, Severity severity)
    {
        var result = Default.Classify(subject, description, null);

        Assert.True(
            (category, severity) == (result.Category, result.Severity),
            $"Expected {category}/{severity}, got {result.Category}/{result.Severity}: {result.Reason}");
    }

    [Theory]
    [InlineData(Category.TechnicalFailure, "The page shows an error and the app is not working.", "页面报错，一直白屏。")]
    [InlineData(Category.Payment, "I paid with my wallet but the payment is not showing.", "付款以后订单还是显示未支付。")]
    [InlineData(Category.Delivery, "The delivery is late again, where is the courier?", "快递三天了还没送到，物流也不更新。")]
    [InlineData(Category.ServiceAttitude, "The staff had a terrible attitude and were impolite.", "店员服务态度很差，很不耐烦。")]
    [InlineData(Category.ProductQuality, "The milk had expired and tasted spoiled.", "牛奶过期了，已经变质。")]
    [InlineData(Category.Price, "The price is too expensive compared to other shops.", "价格太贵了，比别家贵很多。")]
    [InlineData(Category.Privacy, "Please respect my privacy and stop sharing my personal information.", "请保护我的隐私，不要泄露个人信息。")]
    [InlineData(Category.Account, "I want to change the password of my account.", "我想修改账号密码。")]
    [InlineData(Category.Suggestion, "I suggest adding a filter by price range.", "建议增加按距离排序的功能。")]
    public void Every_category_has_default_rules_in_both_languages(Category category, string english, string chinese)
    {
        Assert.Equal(category, Default.Classify(null, english, null).Category);
        Assert.Equal(category, Default.Classify(null, chinese, null).Category);
    }

    [Fact]
    public void Every_category_but_Other_has_a_default_rule()
    {
        var covered = ClassificationOptions.DefaultRules().Select(r => r.Category).OfType<Category>().ToHashSet();
        Assert.Equal(Enum.GetValues<Category>().Where(c => c != Category.Other), covered.Order());
    }

    [Theory]
    [InlineData("The app keeps going: crash after crash.")]
    [InlineData("The app crashes on start.")]
    [InlineData("It crashed twice today.")]
    [InlineData("I cannot pay for my order.")]
    [InlineData("I can’t pay with my card.")]
    [InlineData("Payment failed at checkout.")]
    [InlineData("I was charged twice for one order.")]
    [InlineData("This is a safety problem.")]
    [InlineData("We had data loss after the update.")]
    [InlineData("打开就闪退")]
    [InlineData("应用崩溃了")]
    [InlineData("支付失败")]
    [InlineData("无法支付订单")]
    [InlineData("重复扣款两次")]
    [InlineData("存在安全隐患")]
    [InlineData("更新后数据丢失")]
    public void Urgent_keywords_make_a_complaint_urgent(string description) =>
        Assert.Equal(Severity.Urgent, Default.Classify(null, description, null).Severity);

    [Theory]
    [InlineData("THE APP CRASHES ALL THE TIME")]
    [InlineData("Payment Failed, Again")]
    [InlineData("ＣＲＡＳＨ")]
    public void English_keywords_match_in_any_case_and_in_full_width(string description) =>
        Assert.Equal(Severity.Urgent, Default.Classify(null, description, null).Severity);

    [Theory]
    [InlineData("The display is too dark to read.")]
    [InlineData("The app displays the wrong name.")]
    [InlineData("My payday order was fine.")]
    [InlineData("As a taxpayer I expect better roads.")]
    [InlineData("We prepay nothing; the cat was spayed.")]
    public void Display_and_other_words_containing_pay_do_not_trigger_payment(string description)
    {
        var result = Default.Classify(null, description, null);
        Assert.NotEqual(Category.Payment, result.Category);
        Assert.DoesNotContain(result.Matches, m => m.Category == Category.Payment);
    }

    [Theory]
    [InlineData("I could not pay.", "could not pay")]
    [InlineData("Why do I have to pay twice?", "pay")]
    [InlineData("The payments page is broken.", "payments")]
    public void Pay_as_a_word_or_a_word_form_does_trigger_payment(string description, string found)
    {
        var result = Default.Classify(null, description, null);
        Assert.Contains(result.Matches, m => m.Category == Category.Payment && m.Matched.Contains(found));
    }

    [Fact]
    public void Words_inside_longer_words_do_not_match()
    {
        // "late" in "chocolate", "fee" in "feedback", "bug" in "debugging" are no complaints about lateness, fees or bugs.
        var result = Default.Classify(null, "The chocolate was fine; some feedback about debugging tools.", null);
        Assert.Empty(result.Matches);
        Assert.Equal(Category.Other, result.Category);
    }

    [Fact]
    public void Reason_names_each_matched_rule_with_its_words_and_effect()
    {
        var result = Default.Classify("支付失败", "支付失败，银行卡扣款了", null);

        Assert.Contains("payment-failure: 支付失败 (Payment, Urgent)", result.Reason, StringComparison.Ordinal);
        Assert.Contains("double-charge: 扣款 (Payment, Urgent)", result.Reason, StringComparison.Ordinal);
        Assert.Contains(result.Matches, m => m.Rule == "payment" && m.Matched.SequenceEqual(["支付", "银行卡"]));
    }

    [Fact]
    public void No_match_is_Other_and_Normal_and_says_so()
    {
        var result = Default.Classify(null, "你好", null);

        Assert.Equal(Category.Other, result.Category);
        Assert.Equal(Severity.Normal, result.Severity);
        Assert.Empty(result.Matches);
        Assert.Equal("no rule matched", result.Reason);
    }

    [Theory]
    [InlineData(Severity.High, Severity.High)]
    [InlineData(Severity.Urgent, Severity.Urgent)]
    [InlineData(Severity.Low, Severity.Normal)]
    [InlineData(Severity.Normal, Severity.Normal)]
    public void Hint_raises_a_normal_complaint_but_never_lowers_it(Severity hint, Severity expected)
    {
        var result = Default.Classify(null, "外卖送餐迟到了", hint);

        Assert.Equal(expected, result.Severity);
        Assert.Equal(expected > Severity.Normal, result.Reason.Contains("hint", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Severity.Low)]
    [InlineData(Severity.Normal)]
    [InlineData(Severity.High)]
    public void Hint_never_lowers_an_urgent_keyword(Severity hint) =>
        Assert.Equal(Severity.Urgent, Default.Classify("闪退", "一打开就闪退", hint).Severity);

    [Fact]
    public void Hint_raises_a_suggestion_above_low() =>
        Assert.Equal(Severity.High, Default.Classify(null, "建议增加夜间模式", Severity.High).Severity);

    [Fact]
    public void A_suggestion_in_another_complaint_does_not_lower_its_severity()
    {
        var result = Default.Classify(null, "外卖配送超时一个小时，骑手迟到还不道歉，建议改进。", null);

        Assert.Equal(Category.Delivery, result.Category);
        Assert.Equal(Severity.Normal, result.Severity);
    }

    [Fact]
    public void The_category_with_more_evidence_wins()
    {
        // One payment word against three delivery words.
        var result = Default.Classify(null, "I paid extra for express shipping but the courier delivered it late.", null);
        Assert.Equal(Category.Delivery, result.Category);
    }

    [Fact]
    public void Subject_counts_as_much_as_the_description() =>
        Assert.Equal(Severity.Urgent, Default.Classify("App crash", "Please look into it.", null).Severity);
}
