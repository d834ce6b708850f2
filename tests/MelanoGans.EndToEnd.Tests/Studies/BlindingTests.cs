using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;
using MelanoGans.EndToEnd.Tests.Infrastructure;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Imaging;
using Microsoft.Playwright;

namespace MelanoGans.EndToEnd.Tests.Studies;

/// <summary>
/// The blinding rules of docs/design.md, checked from the rater's browser: everything it receives for real and for
/// generated items (page markup, request URLs, response headers, image format, size and PNG chunks) is
/// collected, the truth of each item is looked up afterwards, and only pixel content may differ.
/// </summary>
public sealed partial class BlindingTests(BrowserFixture browser)
{
    private sealed record Received(string Token, string Markup, string Headers, string Format, string Chunks, byte[] Png);

    [Fact]
    public async Task Nothing_the_rater_receives_differs_between_real_and_generated_items_except_the_pixels()
    {
        // Reals are 96 px phantoms and fakes 64 px: only the server's re-encoding makes them alike.
        var study = await BrowserStudy.StartAsync(browser.Factory, "blind", reals: 4, fakes: 4, "zoe");
        var page = await browser.NewPageAsync();
        var images = new Dictionary<string, (Dictionary<string, string> Headers, byte[] Body)>();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        page.Response += async (_, response) =>
        {
            if (!response.Url.Contains("/study-images/", StringComparison.Ordinal)) return;
            var body = await response.BodyAsync();
            lock (images) images[TokenOf(response.Url)] = (new Dictionary<string, string>(response.Headers), body);
        };
        await StudioPage.SignInAsync(page, study.Raters[0], BrowserStudy.Password);
        await page.GotoAsync($"/rate/{study.StudyId}");
        await StudioPage.WaitInteractiveAsync(page);
        await page.Locator("[data-keys=ready]").WaitForAsync();

        var markups = new List<(string Token, string Markup)>();
        for (var position = 0; position < 9; position++)
        {
            var image = page.Locator("[data-testid=study-image]");
            await Assertions.Expect(image).ToHaveAttributeAsync("data-position", position.ToString());
            await page.WaitForFunctionAsync("() => { const i = document.querySelector('[data-testid=study-image]'); return i && i.complete && i.naturalWidth > 0; }");
            var src = (await image.GetAttributeAsync("src"))!;
            Assert.Matches("^/study-images/[0-9a-f]{32}$", src);
            markups.Add((TokenOf(src), await page.Locator(".mud-main-content").EvaluateAsync<string>(CanonicalDom)));
            await page.Keyboard.PressAsync("4");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("[data-testid=progress-text]")).ToHaveTextAsync($"{position + 1} of 9 answered");
        }
        await Assertions.Expect(page.Locator("[data-testid=rating-finished]")).ToBeVisibleAsync();

        // Every showing has a token of its own (the repeat too), so the truth comes by place: the rater's rows in order.
        var rows = await study.RatingsAsync(browser.Factory);
        Assert.Equal(8, rows.Select(r => r.Item).Distinct().Count());
        Assert.Equal(9, markups.Select(m => m.Token).Distinct().Count());
        Assert.Equal(9, rows.Count);
        var received = new List<(RatingTruth Truth, Received What)>();
        for (var i = 0; i < markups.Count; i++)
        {
            var (token, markup) = markups[i];
            (Dictionary<string, string> Headers, byte[] Body) response;
            lock (images) response = images[token];
            received.Add((rows[i].Truth, Describe(token, NormaliseMarkup(markup, token), response.Headers, response.Body)));
        }

        foreach (var aspect in new Func<Received, string>[] { r => r.Markup, r => r.Headers, r => r.Format, r => r.Chunks, r => r.Png.Length.ToString() })
        {
            var byTruth = received.GroupBy(r => r.Truth).ToDictionary(g => g.Key, g => g.Select(r => aspect(r.What)).Distinct().ToList());
            // One value for everything the rater received, real or generated.
            Assert.Single(byTruth[RatingTruth.Real]);
            Assert.Equal(byTruth[RatingTruth.Real], byTruth[RatingTruth.Fake]);
        }
        // The pixels are what differs: every item's image is its own (the repeat brings its item's image again).
        Assert.Equal(8, received.Select(r => Convert.ToHexString(r.What.Png)).Distinct().Count());
        // No request of the page names an image any other way than by its opaque token.
        Assert.DoesNotContain(requests, u => u.Contains("/api/images/", StringComparison.Ordinal));
        Assert.All(requests.Where(u => u.Contains("study-images", StringComparison.Ordinal)),
            u => Assert.Matches("/study-images/[0-9a-f]{32}$", u));
    }

    // The DOM as the rater's browser holds it, one node per line with attributes sorted: the order in
    // which the renderer happened to add attributes is not information about the item.
    private const string CanonicalDom = """
        root => {
          const out = [];
          const walk = n => {
            const attributes = [...n.attributes].map(a => a.name + '="' + a.value + '"').sort();
            out.push('<' + n.tagName.toLowerCase() + ' ' + attributes.join(' '));
            // Adjacent text nodes (the renderer splits "3 of 9 answered") are one text.
            let text = '';
            for (const child of n.childNodes) {
              if (child.nodeType === Node.TEXT_NODE) { text += child.textContent; continue; }
              if (text.trim()) out.push('#' + text.trim().replace(/\s+/g, ' '));
              text = '';
              if (child.nodeType === Node.ELEMENT_NODE) walk(child);
            }
            if (text.trim()) out.push('#' + text.trim().replace(/\s+/g, ' '));
            out.push('</' + n.tagName.toLowerCase());
          };
          walk(root);
          return out.join('\n');
        }
        """;

    private static string TokenOf(string url) => url[(url.LastIndexOf('/') + 1)..];

    // The page differs from step to step only by the token, the place and the progress, none of which
    // depends on the truth; those are masked, everything else must be the same for every item.
    private static string NormaliseMarkup(string markup, string token)
    {
        var text = markup.Replace(token, "TOKEN", StringComparison.Ordinal);
        text = DataPosition().Replace(text, "data-position=\"N\"");
        text = Progress().Replace(text, "N of N answered");
        text = ProgressValue().Replace(text, "VALUE");
        return text;
    }

    private static Received Describe(string token, string markup, Dictionary<string, string> headers, byte[] png)
    {
        // Date follows the clock; every other header must match, Content-Length included (stored PNGs, issue 14).
        var kept = headers.Where(h => h.Key is not "date")
            .OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => $"{h.Key}: {h.Value}");
        var image = ImageCodec.Decode(png);
        var ihdr = png.AsSpan(16, 13).ToArray();
        var format = $"{Encoding.ASCII.GetString(png, 1, 3)} {image.Width}x{image.Height} ihdr={Convert.ToHexString(ihdr)}";
        return new Received(token, markup, string.Join("\n", kept), format, ChunkTypes(png), png);
    }

    // The PNG's chunk types in order, runs of IDAT collapsed (their number follows the compressed size).
    private static string ChunkTypes(byte[] png)
    {
        var types = new List<string>();
        for (var offset = 8; offset + 8 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            if (types.Count == 0 || types[^1] != type || type != "IDAT") types.Add(type);
            offset += 12 + length;
        }
        return string.Join(",", types);
    }

    [GeneratedRegex("data-position=\"\\d+\"")]
    private static partial Regex DataPosition();

    [GeneratedRegex("\\d+ of \\d+ answered")]
    private static partial Regex Progress();

    [GeneratedRegex("(?<=(aria-valuenow=\"|translateX\\())-?[\\d.]+")]
    private static partial Regex ProgressValue();
}
