using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HyperSearch.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TeamQuotas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CpuSlots",
                table: "Teams",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CudaSlots",
                table: "Teams",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Weight",
                table: "Teams",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.UpdateData(
                table: "Teams",
                keyColumn: "Id",
                keyValue: 1L,
                columns: new[] { "CpuSlots", "CudaSlots", "Weight" },
                values: new object[] { null, null, 1 });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CpuSlots",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "CudaSlots",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "Weight",
                table: "Teams");
        }
    }
}
