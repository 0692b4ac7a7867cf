// For the TypeORM CLI only (generating migrations): DATABASE_URL picks the driver.
import { createDataSource } from "./data-source";

export default createDataSource(process.env.DATABASE_URL ?? "sqlite:data/kehou.sqlite");
