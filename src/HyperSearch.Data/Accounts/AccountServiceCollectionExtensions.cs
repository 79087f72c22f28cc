using HyperSearch.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HyperSearch.Data.Accounts;

public static class AccountServiceCollectionExtensions
{
    /// <summary>
    /// Identity's user manager on the app's database (password hashing, lockout after 5 failures for
    /// 5 minutes), teams and tokens. Needs <see cref="DataServiceCollectionExtensions.AddHyperSearchData"/>.
    /// </summary>
    public static IdentityBuilder AddHyperSearchAccounts(this IServiceCollection services)
    {
        // Identity's stores want a scoped context; the app's contexts come from the pooled factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<HyperSearchDbContext>>().CreateDbContext());
        services.AddSingleton<TeamDirectory>();
        services.AddSingleton<ApiTokens>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AccountSessions>();
        return services.AddIdentityCore<UserEntity>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                options.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<HyperSearchDbContext>();
    }
}
