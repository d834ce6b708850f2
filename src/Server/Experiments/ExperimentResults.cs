using System.Text.Json;
using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Shared.Contracts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Experiments;

/// <summary>The Experiments page's service: admins store and read <c>results.json</c> files of the command line.</summary>
internal sealed class ExperimentResults(StudioDbContext db, AuthenticationStateProvider authState) : IExperimentResults
{
    /// <summary>A results.json of five arms and ten seeds is a few tens of kilobytes; this leaves room without inviting abuse.</summary>
    public const int MaxJsonChars = 2 * 1024 * 1024;

    public async Task<IReadOnlyList<ExperimentResultSummary>> ListAsync(CancellationToken ct = default)
    {
        await RequireAdminAsync();
        var rows = await db.ExperimentResults.AsNoTracking().OrderByDescending(r => r.UploadedAt).ThenByDescending(r => r.Id)
            .Select(r => new { r.Id, r.Name, r.Experiment, r.Dataset, r.ArmCount, r.SeedCount, r.FinishedAt, r.UploadedBy, r.UploadedAt })
            .ToListAsync(ct);
        return rows.Select(r => new ExperimentResultSummary(
            r.Id, r.Name, r.Experiment, r.Dataset, r.ArmCount, r.SeedCount, r.FinishedAt, r.UploadedBy, r.UploadedAt)).ToList();
    }

    public async Task<ImbalanceExperimentResult?> GetAsync(int id, CancellationToken ct = default)
    {
        await RequireAdminAsync();
        var json = await db.ExperimentResults.AsNoTracking().Where(r => r.Id == id).Select(r => r.Json).SingleOrDefaultAsync(ct);
        return json is null ? null : JsonSerializer.Deserialize<ImbalanceExperimentResult>(json, ImbalanceExperimentResult.Json);
    }

    public async Task<OperationResult> UploadAsync(string name, string json, CancellationToken ct = default)
    {
        var user = await RequireAdminAsync();
        if (string.IsNullOrWhiteSpace(json)) return OperationResult.Fail("The file is empty.");
        if (json.Length > MaxJsonChars) return OperationResult.Fail($"The file is larger than {MaxJsonChars / 1024 / 1024} MB; a results.json is far smaller.");
        if (ExperimentResultValidator.Parse(json, out var errors) is not { } result) return OperationResult.Fail([.. errors]);

        var trimmed = string.IsNullOrWhiteSpace(name) ? ImbalanceExperimentResult.FileName : name.Trim();
        db.ExperimentResults.Add(new ExperimentResult
        {
            Name = trimmed.Length > 200 ? trimmed[..200] : trimmed,
            Experiment = result.Experiment,
            Dataset = result.Dataset,
            ArmCount = result.Arms.Count,
            SeedCount = result.Seeds.Count,
            FinishedAt = result.FinishedAt,
            UploadedBy = user,
            Json = json,
        });
        await db.SaveChangesAsync(ct);
        return OperationResult.Ok;
    }

    private async Task<string> RequireAdminAsync()
    {
        var user = (await authState.GetAuthenticationStateAsync()).User;
        if (!user.IsInRole(Roles.Admin)) throw new UnauthorizedAccessException($"Only {Roles.Admin} may do this.");
        return user.Identity?.Name ?? "unknown";
    }
}
