using Microsoft.AspNetCore.Identity;

namespace HyperSearch.Data.Entities;

/// <summary>An account (ASP.NET Core Identity's user: password hash, lockout) plus whether it administers everything.</summary>
public sealed class UserEntity : IdentityUser
{
    public bool IsAdmin { get; set; }
}
