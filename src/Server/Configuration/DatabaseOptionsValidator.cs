using Microsoft.Extensions.Options;
using Npgsql;

namespace MelanoGans.Server.Configuration;

/// <summary>Refuses a PostgreSQL setting without a usable connection string before anything connects.</summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (options.Provider != DatabaseProvider.Postgres) return ValidateOptionsResult.Success;
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            return ValidateOptionsResult.Fail(
                $"Studio:Database:Provider is postgres but ConnectionStrings:{DatabaseOptions.ConnectionStringName} is empty.");
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
                return ValidateOptionsResult.Fail($"ConnectionStrings:{DatabaseOptions.ConnectionStringName} names no Host.");
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            return ValidateOptionsResult.Fail($"ConnectionStrings:{DatabaseOptions.ConnectionStringName} is malformed: {e.Message}");
        }
        return ValidateOptionsResult.Success;
    }
}
