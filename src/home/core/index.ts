// The home pages' pure rules (the admin's to-do list).
export { adminTodo, type AdminFigures, type TodoItem, type TodoTone, type TodoWhen } from "./todo";
