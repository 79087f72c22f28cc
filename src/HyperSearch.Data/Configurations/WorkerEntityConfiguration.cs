using HyperSearch.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HyperSearch.Data.Configurations;

public sealed class WorkerEntityConfiguration : IEntityTypeConfiguration<WorkerEntity>
{
    public void Configure(EntityTypeBuilder<WorkerEntity> builder)
    {
        builder.ToTable("Workers");
        builder.HasKey(w => w.Id);
        builder.HasIndex(w => w.HeartbeatAt).HasDatabaseName("IX_Workers_HeartbeatAt");
    }
}
