using System.Globalization;
using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.Components;

namespace MelanoGans.Client.Pages.Account;

/// <summary>A lead or admin creates, lists and revokes their personal access tokens for the REST API.</summary>
public partial class AccessTokensPage
{
    /// <summary>Lifetimes offered, in days (0: never expires).</summary>
    private static readonly (int Days, string Label)[] Expiries = [(7, "in 7 days"), (30, "in 30 days"), (90, "in 90 days"), (365, "in a year"), (0, "never")];

    [Inject] private IAccessTokens Tokens { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private IReadOnlyList<AccessTokenSummary>? _tokens;
    private string _name = "";
    private int _validDays = 90;
    private string? _newToken;
    private string? _newTokenName;
    private string? _error;
    private bool _busy;

    protected override async Task OnInitializedAsync() => _tokens = await Tokens.ListAsync();

    private async Task CreateAsync()
    {
        if (_busy) return;
        _busy = true;
        try
        {
            DateTimeOffset? expires = _validDays > 0 ? Clock.GetUtcNow().AddDays(_validDays) : null;
            var (result, token) = await Tokens.CreateAsync(_name, expires);
            _error = result.Succeeded ? null : string.Join(" ", result.Errors);
            if (result.Succeeded)
            {
                _newToken = token;
                _newTokenName = _name.Trim();
                _name = "";
            }
            _tokens = await Tokens.ListAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RevokeAsync(AccessTokenSummary token)
    {
        if (_busy) return;
        _busy = true;
        try
        {
            var result = await Tokens.RevokeAsync(token.Id);
            _error = result.Succeeded ? null : string.Join(" ", result.Errors);
            _tokens = await Tokens.ListAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private string Status(AccessTokenSummary token) =>
        token.RevokedAt is { } revoked ? $"revoked {Format(revoked)}"
        : token.IsActiveAt(Clock.GetUtcNow()) ? "active"
        : "expired";

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
