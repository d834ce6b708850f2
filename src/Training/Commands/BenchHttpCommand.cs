using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using MelanoGans.Shared.Statistics;

namespace MelanoGans.Training.Commands;

/// <summary>
/// <c>melanogans bench http</c>: signs in to a running server through its login form and times GET
/// requests of one page on loopback (warm-up first, then median, p95 and max).
/// </summary>
internal static partial class BenchHttpCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "Base address of the running server.", DefaultValueFactory = _ => "http://localhost:5000" };
        var path = new Option<string>("--path") { Description = "Page to time.", DefaultValueFactory = _ => "/" };
        var user = new Option<string>("--user") { Description = "User name to sign in with.", Required = true };
        var password = new Option<string>("--password") { Description = "Password of that user.", Required = true };
        var requests = new Option<int>("--requests") { Description = "Timed requests.", DefaultValueFactory = _ => 200 };
        var warmup = new Option<int>("--warmup") { Description = "Untimed requests first.", DefaultValueFactory = _ => 20 };
        var json = CommandOutput.JsonOption();
        var command = new Command("http", "Time a signed-in page of a running server on loopback.") { url, path, user, password, requests, warmup, json };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(requests) < 1 || parse.GetValue(warmup) < 0)
            {
                return CommandOutput.Fail(parse, "--requests must be at least 1 and --warmup at least 0");
            }
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
            {
                BaseAddress = new Uri(parse.GetValue(url)!),
            };
            try
            {
                if (!await SignInAsync(client, parse.GetValue(user)!, parse.GetValue(password)!, ct))
                {
                    return CommandOutput.Fail(parse, "sign-in failed (check --user and --password)");
                }
                var page = parse.GetValue(path)!;
                for (var i = 0; i < parse.GetValue(warmup); i++) await GetAsync(client, page, ct);
                var ms = new double[parse.GetValue(requests)];
                for (var i = 0; i < ms.Length; i++) ms[i] = await GetAsync(client, page, ct);
                Array.Sort(ms);
                var result = new
                {
                    Url = new Uri(client.BaseAddress, page).ToString(),
                    Requests = ms.Length,
                    MedianMs = Math.Round(Quantiles.OfSorted(ms, 0.5)!.Value, 2),
                    P95Ms = Math.Round(Quantiles.OfSorted(ms, 0.95)!.Value, 2),
                    MaxMs = Math.Round(ms[^1], 2),
                };
                await output.WriteLineAsync(parse.GetValue(json)
                    ? JsonSerializer.Serialize(result, CommandOutput.JsonOptions)
                    : string.Create(CultureInfo.InvariantCulture, $"GET {result.Url}: {result.Requests} requests, median {result.MedianMs} ms, p95 {result.P95Ms} ms, max {result.MaxMs} ms"));
                return 0;
            }
            catch (HttpRequestException e)
            {
                return CommandOutput.Fail(parse, e.Message);
            }
        });
        return command;
    }

    private static async Task<double> GetAsync(HttpClient client, string path, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(path, ct);
        await response.Content.ReadAsByteArrayAsync(ct);
        watch.Stop();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new HttpRequestException($"GET {path} answered {(int)response.StatusCode}");
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task<bool> SignInAsync(HttpClient client, string user, string password, CancellationToken ct)
    {
        var login = await client.GetStringAsync("/account/login", ct);
        var token = TokenPattern().Match(login);
        if (!token.Success) return false;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = "login",
            ["Input.UserName"] = user,
            ["Input.Password"] = password,
        });
        using var response = await client.PostAsync("/account/login", form, ct);
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
