using System.Net;
using ComplaintFlow.Core.Complaints;
using ComplaintFlow.Infrastructure.Http.Dashboard;
using ComplaintFlow.Tests.Fixtures;
using Microsoft.AspNetCore.Http;

namespace ComplaintFlow.Tests.Dashboard;

/// <summary>Which language the ops pages speak: ?lang=, else the browser's Accept-Language by quality, else English.</summary>
public sealed class OpsLanguageTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Theory]
    [InlineData(null, null, Locale.En)]
    [InlineData(null, "fr-FR, de;q=0.8", Locale.En)]
    [InlineData(null, "zh-CN,zh;q=0.9,en;q=0.8", Locale.Zh)]
    [InlineData(null, "en;q=0.4, zh-TW;q=0.8", Locale.Zh)]
    [InlineData(null, "fr, en-GB;q=0.9, zh;q=0.5", Locale.En)]
    [InlineData("en", "zh-CN", Locale.En)]
    [InlineData("zh", "en-US", Locale.Zh)]
    public void Language_comes_from_lang_then_accept_language_then_english(string? lang, string? acceptLanguage, Locale expected)
    {
        var context = new DefaultHttpContext();
        if (lang is not null)
        {
            context.Request.QueryString = new QueryString("?lang=" + lang);
        }

        if (acceptLanguage is not null)
        {
            context.Request.Headers.AcceptLanguage = acceptLanguage;
        }

        Assert.Equal(expected, OpsAccess.LocaleOf(context.Request));
    }

    [Fact]
    public void Every_label_is_written_in_both_languages()
    {
        var labels = typeof(OpsText).GetProperties().Where(p => p.PropertyType == typeof(string)).ToList();

        Assert.NotEmpty(labels);
        Assert.All(labels, p =>
        {
            var zh = (string)p.GetValue(OpsText.Chinese)!;
            var en = (string)p.GetValue(OpsText.English)!;
            Assert.False(string.IsNullOrWhiteSpace(zh), p.Name);
            Assert.NotEqual(en, zh);
        });
    }

    [Theory]
    [InlineData("/dashboard?lang=fr")]
    [InlineData("/queue?lang=fr")]
    [InlineData("/restrictions?lang=fr")]
    public async Task A_language_we_do_not_speak_is_a_400_page_saying_which_we_do(string path)
    {
        using var client = fixture.Host.CreateClient();
        (await OpsPagesTests.SignInAsync(client, RunningHost.ApiKey, "/dashboard")).Dispose();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("lang must be zh or en.", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
