// For the TypeORM CLI only (generating migrations): DATABASE_URL picks the driver.
import { dataSourceFor } from "./database";

export default dataSourceFor(process.env.DATABASE_URL ?? "sqlite:data/kehou.sqlite");
