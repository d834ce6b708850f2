using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.Components;

namespace MelanoGans.Client.Components.Training;

/// <summary>Admins create and revoke worker tokens and see who is connected.</summary>
public partial class WorkerTokensPanel
{
    [Inject] private IWorkerAdministration Workers { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private IReadOnlyList<WorkerTokenSummary> _tokens = [];
    private IReadOnlyList<ConnectedWorker> _workers = [];
    private string _name = "";
    private string? _newToken;
    private string? _newTokenName;
    private string? _error;
    private bool _busy;
    private string _serverHint = "";

    protected override async Task OnInitializedAsync()
    {
        _serverHint = Navigation.BaseUri.TrimEnd('/');
        await RefreshAsync();
    }

    /// <summary>Reads tokens and connections again (the page calls this when jobs change hands).</summary>
    public async Task RefreshAsync()
    {
        _tokens = await Workers.TokensAsync();
        _workers = await Workers.ConnectedAsync();
        // The page's re-render does not reach this parameterless child: show the new lists from here.
        StateHasChanged();
    }

    private async Task CreateAsync()
    {
        if (_busy) return;
        _busy = true;
        try
        {
            var (result, token) = await Workers.CreateTokenAsync(_name);
            _error = result.Succeeded ? null : string.Join(" ", result.Errors);
            if (result.Succeeded)
            {
                _newToken = token;
                _newTokenName = _name.Trim();
                _name = "";
            }

            await RefreshAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RevokeAsync(WorkerTokenSummary token)
    {
        if (_busy) return;
        _busy = true;
        try
        {
            var result = await Workers.RevokeTokenAsync(token.Id);
            _error = result.Succeeded ? null : string.Join(" ", result.Errors);
            await RefreshAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
