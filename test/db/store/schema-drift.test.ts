import { expect } from "chai";
import { forEachDatabase } from "../../support/databases";

// Migrations are the schema's only source outside tests: if an entity changes
// without a migration, the app would run against a schema it does not expect.
forEachDatabase("migrations and entities", (ctx) => {
  it("When every migration has run, then the entities need no further schema change", async () => {
    const sql = await ctx.db.ds.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).to.deep.equal([]);
  });
});
