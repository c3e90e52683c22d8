fn main() {
    bieumau::mount();
}
