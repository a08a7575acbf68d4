// The text of --body-file: a file's UTF-8 contents, or standard input for "-".
#pragma once

#include "common/Result.h"

namespace rapport::cli {

Result<QString> readBodyFile(const QString& path);

}  // namespace rapport::cli
