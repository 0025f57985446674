"""python-docx finds its part templates at parts/../templates/: in the one-file
program the parts/ folder must exist on disk for that path to resolve, so its
modules are unpacked as files too (they would otherwise live only in the archive)."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("docx")
module_collection_mode = "pyz+py"
