using ComplaintFlow.Core.Complaints;

namespace ComplaintFlow.Tests.Complaints;

public sealed class ComplaintIdTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 9, 30, 15, TimeSpan.Zero);

    [Fact]
    public void A_new_id_names_its_month_and_has_twelve_characters_after_it()
    {
        var id = ComplaintId.New(At);

        Assert.Matches("^C-202612-[0-9A-HJKMNP-TV-Z]{12}$", id.Value);
        Assert.Equal("202612", id.Month);
        Assert.Equal(id, ComplaintId.Parse(id.Value));
    }

    [Fact]
    public void Ids_made_in_the_same_second_differ_in_their_random_part_only()
    {
        var ids = Enumerable.Range(0, 2_000).Select(_ => ComplaintId.New(At).Value).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Single(ids.Select(i => i[..13]).Distinct(StringComparer.Ordinal)); // "C-yyyyMM-" and the 22 bits of the second
    }

    [Fact]
    public void Ids_sort_by_the_second_they_were_made_in()
    {
        var earlier = ComplaintId.New(At);
        var later = ComplaintId.New(At.AddSeconds(1));

        Assert.True(string.CompareOrdinal(earlier.Value, later.Value) < 0);
    }

    [Fact]
    public void Ids_of_the_earlier_ten_character_form_still_read()
    {
        Assert.True(ComplaintId.TryParse("C-202611-02K7M3QX9A", out var id));
        Assert.Equal("202611", id.Month);
    }

    [Theory]
    [InlineData("C-202611-02K7M3QX9")]
    [InlineData("C-202611-02K7M3QX9AB")]
    [InlineData("C-202613-02K7M3QX9AB4")]
    [InlineData("C-202611-02K7M3QX9AI4")]
    [InlineData("X-202611-02K7M3QX9AB4")]
    public void Other_text_is_not_an_id(string text) => Assert.False(ComplaintId.TryParse(text, out _));
}
