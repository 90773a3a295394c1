using ComplaintFlow.Core.Classification;
using ComplaintFlow.Core.Complaints;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ComplaintFlow.Tests.Classification;

/// <summary>Rules as an operator configures them: bound from configuration, replacing the defaults, validated with named errors.</summary>
public sealed class ClassificationOptionsTests
{
    [Fact]
    public void Configured_rules_replace_the_defaults()
    {
        var classifier = Bind(
            ("Classification:Rules:0:Name", "vip"),
            ("Classification:Rules:0:Keywords:0", "VIP member"),
            ("Classification:Rules:0:Keywords:1", "会员"),
            ("Classification:Rules:0:Category", "Account"),
            ("Classification:Rules:0:Severity", "High"));

        var vip = classifier.Classify(null, "As a vip member I expect better.", null);
        Assert.Equal((Category.Account, Severity.High), (vip.Category, vip.Severity));
        Assert.Equal("vip: vip member (Account, High)", vip.Reason);

        // The default rules are gone: a crash is no longer urgent.
        var crash = classifier.Classify(null, "The app crashes, 会员 can't pay.", null);
        Assert.Equal((Category.Account, Severity.High), (crash.Category, crash.Severity));
        Assert.Single(crash.Matches);
    }

    [Fact]
    public void Configured_rules_are_added_to_the_defaults_when_asked_to_keep_them()
    {
        var classifier = Bind(
            ("Classification:KeepDefaultRules", "true"),
            ("Classification:Rules:0:Keywords:0", "vip"),
            ("Classification:Rules:0:Severity", "High"));

        Assert.Equal(Severity.High, classifier.Classify(null, "vip here, the delivery was late", null).Severity);
        Assert.Equal(Severity.Urgent, classifier.Classify(null, "the app crashes", null).Severity);
    }

    [Fact]
    public void Without_a_classification_section_the_defaults_apply()
    {
        var classifier = Bind(("Unrelated:Setting", "1"));

        var result = classifier.Classify(null, "支付失败", null);
        Assert.Equal((Category.Payment, Severity.Urgent), (result.Category, result.Severity));
    }

    [Fact]
    public void Default_severity_is_configurable()
    {
        var classifier = Bind(("Classification:DefaultSeverity", "Low"));
        Assert.Equal(Severity.Low, classifier.Classify(null, "外卖送餐迟到了", null).Severity);
    }

    [Fact]
    public void Configured_weights_decide_the_category_and_ties_go_to_the_first_mention()
    {
        var classifier = Bind(
            ("Classification:Rules:0:Keywords:0", "box"),
            ("Classification:Rules:0:Category", "Delivery"),
            ("Classification:Rules:1:Keywords:0", "lid"),
            ("Classification:Rules:1:Category", "ProductQuality"),
            ("Classification:Rules:2:Keywords:0", "receipt"),
            ("Classification:Rules:2:Category", "Price"),
            ("Classification:Rules:2:Weight", "2.5"));

        Assert.Equal(Category.Delivery, classifier.Classify(null, "box and lid", null).Category);
        Assert.Equal(Category.ProductQuality, classifier.Classify(null, "lid and box", null).Category);
        Assert.Equal(Category.Price, classifier.Classify(null, "box, lid and receipt", null).Category);
        Assert.Equal(Category.ProductQuality, classifier.Classify("lid", "box", null).Category);
    }

    [Fact]
    public void Default_options_and_default_rules_are_valid()
    {
        Assert.Empty(new ClassificationOptions().Validate());
        Assert.Empty(new ClassificationOptions { Rules = ClassificationOptions.DefaultRules() }.Validate());
        Assert.True(new ClassificationOptionsValidator().Validate(null, new ClassificationOptions()).Succeeded);
    }

    [Fact]
    public void Default_rules_are_a_fresh_copy_each_time()
    {
        ClassificationOptions.DefaultRules()[0].Keywords.Clear();
        Assert.NotEmpty(ClassificationOptions.DefaultRules()[0].Keywords);
    }

    [Fact]
    public void Rule_without_keywords_is_rejected_naming_it()
    {
        var result = Validate(new ClassificationRule { Name = "refunds", Category = Category.Payment });

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.Contains("Classification:Rules:1 ('refunds')", failure, StringComparison.Ordinal);
        Assert.Contains("no keywords", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void Rule_with_a_weight_that_is_not_positive_is_rejected_naming_it(double weight)
    {
        var result = Validate(new ClassificationRule { Name = "refunds", Keywords = ["refund*"], Category = Category.Payment, Weight = weight });

        var failure = Assert.Single(result.Failures!);
        Assert.Contains("Classification:Rules:1 ('refunds')", failure, StringComparison.Ordinal);
        Assert.Contains("Weight must be a positive number", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_keyword_misplaced_star_and_a_rule_that_does_nothing_are_each_named()
    {
        var result = Validate(new ClassificationRule { Keywords = ["ok", "  ", "*", "cr*sh"] });

        var failures = result.Failures!.ToArray();
        Assert.Contains(failures, f => f.Contains("Keywords:1 is blank", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Keywords:2 is blank", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Keywords:3 'cr*sh'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("does nothing", StringComparison.Ordinal));
        Assert.All(failures, f => Assert.StartsWith("Classification:Rules:1 ", f, StringComparison.Ordinal));
    }

    [Fact]
    public void Classifier_refuses_invalid_options_with_every_problem_in_the_message()
    {
        var options = new ClassificationOptions { Rules = [new ClassificationRule { Name = "empty", Category = Category.Price, Weight = 0 }] };

        var error = Assert.Throws<ArgumentException>(() => new Classifier(options));

        Assert.Contains("no keywords", error.Message, StringComparison.Ordinal);
        Assert.Contains("Weight", error.Message, StringComparison.Ordinal);
    }

    private static ValidateOptionsResult Validate(ClassificationRule rule)
    {
        var good = new ClassificationRule { Name = "fine", Keywords = ["fine"], Category = Category.Other };
        return new ClassificationOptionsValidator().Validate(null, new ClassificationOptions { Rules = [good, rule] });
    }

    // As the host does: bind the section onto fresh options, then build the classifier from them.
    private static Classifier Bind(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var options = new ClassificationOptions();
        configuration.GetSection(ClassificationOptions.SectionName).Bind(options);
        Assert.Empty(new ClassificationOptionsValidator().Validate(null, options).Failures ?? []);
        return new Classifier(options);
    }
}
