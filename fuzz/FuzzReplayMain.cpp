// main() for fuzz targets built without libFuzzer (GCC, or clang without DAS_FUZZ): runs
// LLVMFuzzerTestOneInput once on every file named on the command line and on every file under every folder
// named there (sorted, so runs are repeatable), or on stdin when nothing is named. A crash, sanitizer report
// or failed check in the target aborts with the file name already printed.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

namespace {

bool runOne(const std::vector<char>& bytes)
{
    // A copy of exactly the input's size, so reads past the end are caught as they are under libFuzzer.
    std::vector<uint8_t> copy(bytes.begin(), bytes.end());
    return LLVMFuzzerTestOneInput(copy.empty() ? nullptr : copy.data(), copy.size()) == 0;
}

bool runFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::cerr << "cannot read " << path << '\n';
        return false;
    }
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::cerr << "running " << path.string() << " (" << bytes.size() << " bytes)\n";
    return runOne(bytes);
}

} // namespace

int main(int argc, char** argv)
{
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    if (argc < 2) {
        const std::vector<char> bytes((std::istreambuf_iterator<char>(std::cin)),
                                      std::istreambuf_iterator<char>());
        return runOne(bytes) ? 0 : 1;
    }
    int inputs = 0;
    bool ok = true;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path arg(argv[i]);
        std::vector<std::filesystem::path> files;
        if (std::filesystem::is_directory(arg)) {
            for (const auto& entry : std::filesystem::recursive_directory_iterator(arg))
                if (entry.is_regular_file())
                    files.push_back(entry.path());
            std::sort(files.begin(), files.end());
        } else {
            files.push_back(arg);
        }
        for (const auto& file : files) {
            ok = runFile(file) && ok;
            ++inputs;
        }
    }
    if (inputs == 0) {
        std::cerr << "no inputs found\n";
        return 1;
    }
    std::cerr << "replayed " << inputs << " inputs\n";
    return ok ? 0 : 1;
}
