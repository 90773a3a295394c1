using System.Globalization;
using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Core.Classification;

/// <summary>
/// How complaints are classified (configuration section <c>Classification</c>).
/// </summary>
/// <remarks>
/// <see cref="Rules"/> is empty by default, which means "use <see cref="DefaultRules"/>". Rules bound from
/// configuration (<c>Classification:Rules:0:Keywords:0</c> = <c>crash*</c>, ...) therefore replace the defaults as a
/// whole; set <see cref="KeepDefaultRules"/> to add them to the defaults instead.
/// </remarks>
public sealed class ClassificationOptions
{
    public const string SectionName = "Classification";

    /// <summary>The configured rules; when empty, <see cref="DefaultRules"/> are used.</summary>
    public List<ClassificationRule> Rules { get; set; } = [];

    /// <summary>When true, <see cref="Rules"/> are added after the defaults instead of replacing them. Default false.</summary>
    public bool KeepDefaultRules { get; set; }

    /// <summary>The severity of a complaint no severity rule matched. Default <see cref="Severity.Normal"/>.</summary>
    public Severity DefaultSeverity { get; set; } = Severity.Normal;

    /// <summary>The built-in rules, Chinese and English, covering every category (a new list each time).</summary>
    public static List<ClassificationRule> DefaultRules() => DefaultClassificationRules.Create();

    /// <summary>The rules the classifier uses, in order: see <see cref="Rules"/> and <see cref="KeepDefaultRules"/>.</summary>
    public IReadOnlyList<ClassificationRule> EffectiveRules() =>
        Rules is not { Count: > 0 } ? DefaultRules()
        : KeepDefaultRules ? [.. DefaultRules(), .. Rules]
        : Rules;

    /// <summary>
    /// Checks the settings and returns one message per problem, each naming the setting and the rule (empty when all
    /// is well). <see cref="ClassificationOptionsValidator"/> and <see cref="Classifier"/> call this.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(DefaultSeverity))
        {
            errors.Add($"{SectionName}:DefaultSeverity must be one of {string.Join(", ", Enum.GetNames<Severity>())}.");
        }

        if (Rules is null)
        {
            errors.Add($"{SectionName}:Rules must be a list (leave it empty to use the default rules).");
            return errors;
        }

        for (var i = 0; i < Rules.Count; i++)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"{SectionName}:Rules:{i}");
            var rule = Rules[i];
            if (rule is null)
            {
                errors.Add($"{key} is empty; give it Keywords and a Category or Severity.");
                continue;
            }

            var named = $"{key} ('{rule.DisplayName}')";
            ValidateKeywords(errors, key, named, rule.Keywords);

            if (!double.IsFinite(rule.Weight) || rule.Weight <= 0)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{named}: Weight must be a positive number; got {rule.Weight}."));
            }

            if (rule.Category is null && rule.Severity is null)
            {
                errors.Add($"{named} does nothing: set its Category, its Severity or both.");
            }

            if (rule.Category is { } category && !Enum.IsDefined(category))
            {
                errors.Add($"{named}: Category must be one of {string.Join(", ", Enum.GetNames<Category>())}.");
            }

            if (rule.Severity is { } severity && !Enum.IsDefined(severity))
            {
                errors.Add($"{named}: Severity must be one of {string.Join(", ", Enum.GetNames<Severity>())}.");
            }
        }

        return errors;
    }

    private static void ValidateKeywords(List<string> errors, string key, string named, List<string>? keywords)
    {
        if (keywords is null || keywords.Count == 0)
        {
            errors.Add($"{named} has no keywords; list at least one word or phrase under {key}:Keywords.");
            return;
        }

        for (var k = 0; k < keywords.Count; k++)
        {
            var keyword = keywords[k]?.Trim();
            var where = string.Create(CultureInfo.InvariantCulture, $"{named}: Keywords:{k}");
            if (string.IsNullOrEmpty(keyword) || keyword.Trim('*').Trim().Length == 0)
            {
                errors.Add($"{where} is blank; give a word or phrase.");
            }
            else if (keyword.TrimEnd('*').Contains('*', StringComparison.Ordinal) || keyword.EndsWith("**", StringComparison.Ordinal))
            {
                errors.Add($"{where} '{keyword}': '*' is allowed once, at the end only (e.g. crash* for crashes, crashed).");
            }
        }
    }
}
