using MelanoGans.Shared.Contracts.Events;
using System.Reflection;
using System.Runtime.CompilerServices;
using MelanoGans.Client.Services;
using MelanoGans.Server.Tests.Infrastructure;
using MelanoGans.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace MelanoGans.Server.Tests.Identity;

/// <summary>
/// Every public method of every service a page calls refuses a caller who does not hold the role now: found by
/// reflection, so a method added later is covered without anyone remembering to add it here.
/// </summary>
public sealed class RoleGuardTests(SharedStudio studio) : IClassFixture<SharedStudio>
{
    /// <summary>
    /// The services behind the interactive pages: every interface of the pages' service namespace with methods, but
    /// sign-in (the anonymous login page's) and the event bus (it carries no data of its own; pages read through
    /// these services).
    /// </summary>
    public static TheoryData<Type> CircuitServices { get; } = new(typeof(IUserAdministration).Assembly.GetTypes()
        .Where(t => t.IsInterface && t.Namespace == typeof(IUserAdministration).Namespace)
        .Where(t => t != typeof(ISignInService) && t != typeof(IStudioEvents) && t.GetMethods().Any(m => !m.IsSpecialName))
        .OrderBy(t => t.Name));

    /// <summary>Each service with a role that does not open it: such a caller is refused by every method.</summary>
    public static TheoryData<Type, string> WrongRoles { get; } = new()
    {
        { typeof(IUserAdministration), Roles.Lead }, { typeof(IUserAdministration), Roles.Rater },
        { typeof(IModelCatalog), Roles.Lead }, { typeof(IModelCatalog), Roles.Rater },
        { typeof(ITrainingJobs), Roles.Lead }, { typeof(ITrainingJobs), Roles.Rater },
        { typeof(IWorkerAdministration), Roles.Lead }, { typeof(IWorkerAdministration), Roles.Rater },
        { typeof(IExperimentResults), Roles.Lead }, { typeof(IExperimentResults), Roles.Rater },
        { typeof(IStudyAdministration), Roles.Rater }, { typeof(IStudyStatistics), Roles.Rater }, { typeof(IDatasetCatalog), Roles.Rater },
        { typeof(IRatingSession), Roles.Lead }, { typeof(IRatingSession), Roles.Admin },
        { typeof(IModelMetrics), Roles.Rater }, { typeof(IAccessTokens), Roles.Rater },
    };

    private readonly StudioFactory _factory = studio.Factory;

    [Fact]
    public void Every_page_service_is_covered()
    {
        Assert.Equal(
            ["IAccessTokens", "IDatasetCatalog", "IExperimentResults", "IModelCatalog", "IModelMetrics", "IRatingSession", "IStudyAdministration", "IStudyStatistics",
             "ITrainingJobs", "IUserAdministration", "IWorkerAdministration"],
            CircuitServices.Select(row => row.Data.Name));
    }

    [Fact]
    public void Every_page_service_has_a_wrong_role_checked() =>
        Assert.Empty(CircuitServices.Select(row => row.Data).Except(WrongRoles.Select(row => row.Data.Item1)));

    [Theory]
    [MemberData(nameof(WrongRoles))]
    public async Task Every_method_refuses_a_role_that_does_not_open_the_service(Type service, string role)
    {
        await using var scope = ScopeAs.Create(_factory.Services, "only-" + role.ToLowerInvariant(), role);
        await AssertEveryMethodRefusesAsync(scope, service);
    }

    [Theory]
    [MemberData(nameof(CircuitServices))]
    public async Task Every_method_refuses_an_account_without_roles(Type service)
    {
        await using var scope = ScopeAs.Create(_factory.Services, "nobody");
        await AssertEveryMethodRefusesAsync(scope, service);
    }

    [Theory]
    [MemberData(nameof(CircuitServices))]
    public async Task Every_method_refuses_a_disabled_account_whose_page_still_claims_every_role(Type service)
    {
        // An account of this row's own: the studio is shared by the whole class.
        var name = "gone-" + service.Name.ToLowerInvariant();
        await using var scope = ScopeAs.Create(_factory.Services, name, [.. Roles.All]);
        await using (var admin = ScopeAs.Create(_factory.Services, StudioFactory.AdminUserName, Roles.Admin))
        {
            var users = admin.ServiceProvider.GetRequiredService<IUserAdministration>();
            var id = (await users.ListAsync(TestContext.Current.CancellationToken)).Single(u => u.UserName == name).Id;
            Assert.True((await users.SetDisabledAsync(id, true)).Succeeded);
        }
        await AssertEveryMethodRefusesAsync(scope, service);
    }

    private static async Task AssertEveryMethodRefusesAsync(AsyncServiceScope scope, Type service)
    {
        var instance = scope.ServiceProvider.GetRequiredService(service);
        var methods = service.GetMethods().Where(m => !m.IsSpecialName).ToList();
        Assert.NotEmpty(methods);
        foreach (var method in methods)
        {
            var call = (Task)method.Invoke(instance, method.GetParameters().Select(p => Argument(p.ParameterType)).ToArray())!;
            var refused = await Record.ExceptionAsync(() => call);
            Assert.True(refused is UnauthorizedAccessException, $"{service.Name}.{method.Name} did not refuse: {refused?.GetType().Name ?? "it ran"}");
        }
    }

    /// <summary>A harmless, non-null value of each parameter type, so only the role check can stop the call.</summary>
    private static object? Argument(Type type) => type switch
    {
        _ when type == typeof(string) => "x",
        _ when type == typeof(CancellationToken) => CancellationToken.None,
        _ when type.IsArray => Array.CreateInstance(type.GetElementType()!, 0),
        _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Nullable<>) => null,
        _ when type.IsValueType => Activator.CreateInstance(type),
        _ when type.IsInterface => Array.CreateInstance(type.GetGenericArguments()[0], 0),
        _ when type.GetConstructor(Type.EmptyTypes) is not null => Activator.CreateInstance(type),
        _ => RuntimeHelpers.GetUninitializedObject(type),
    };
}
