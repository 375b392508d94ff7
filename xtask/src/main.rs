//! `cargo xtask`: project automation that is not part of the product.

fn main() {
    println!("cargo xtask: no tasks yet");
}
